namespace DockerApi.Configuration;

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

    /// <summary>The full path of <paramref name="program"/> in this environment's <c>PATH</c>, or null when it is not there.</summary>
    public string? FindProgram(string program)
    {
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat", "" } : new[] { "" };
        foreach (var folder in (Variable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(folder, program + extension);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary>The docker CLI's configuration folder: <c>DOCKER_CONFIG</c>, else <c>~/.docker</c>.</summary>
    public string ConfigDirectory => Variable("DOCKER_CONFIG") ?? Path.Combine(Home, ".docker");
}
