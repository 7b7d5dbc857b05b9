namespace DockerApi.Transport;

/// <summary>
/// What the docker CLI reads from the process: environment variables and the user's folders. The default reads the
/// real ones; tests (and hosts that keep their own) pass another.
/// </summary>
public sealed class DockerEnvironment
{
    private readonly Func<string, string?> _variable;

    /// <summary>An environment whose variables come from <paramref name="variable"/> (null for unset).</summary>
    public DockerEnvironment(Func<string, string?> variable) => _variable = variable ?? throw new ArgumentNullException(nameof(variable));

    /// <summary>The process's own environment.</summary>
    public static DockerEnvironment Current { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>A variable's value; null when it is unset or empty (as the docker CLI treats both).</summary>
    public string? Variable(string name) => _variable(name) is { Length: > 0 } value ? value : null;

    /// <summary>The user's home folder (<c>HOME</c>, else the platform's profile folder).</summary>
    public string Home => Variable("HOME") ?? Variable("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>
    /// The absolute path of <paramref name="program"/> in this environment's <c>PATH</c>, found as Go's
    /// <c>exec.LookPath</c> finds it (the docker CLI's rule): only absolute entries of <c>PATH</c> are searched (an empty
    /// or relative entry would mean the current directory, where a cloned repository could plant its own
    /// <c>ssh</c>), and only an executable file counts. Null when it is not there.
    /// </summary>
    /// <param name="program">A bare program name such as <c>ssh</c>; a name with a path separator is never looked up.</param>
    public string? FindProgram(string program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (program.Length == 0 || program is "." or ".." || program.IndexOfAny(['/', '\\', '\0']) >= 0)
            return null;
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat", "" } : new[] { "" };
        foreach (var folder in (Variable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (!Path.IsPathFullyQualified(folder))
                continue;
            foreach (var extension in extensions)
            {
                var candidate = Path.Join(folder, program + extension);
                if (IsExecutable(candidate))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary><paramref name="program"/>'s absolute path, or a <see cref="DockerConfigException"/> that names it and PATH.</summary>
    internal string RequireProgram(string program, string purpose) =>
        FindProgram(program) ?? throw new DockerConfigException(
            $"{purpose}: '{program}' is not in any absolute folder of PATH (programs are never run from the current directory)", program);

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }

    /// <summary>The docker CLI's configuration folder: <c>DOCKER_CONFIG</c>, else <c>~/.docker</c>.</summary>
    public string ConfigDirectory => Variable("DOCKER_CONFIG") ?? Path.Combine(Home, ".docker");
}
