namespace DockerApi;

/// <summary>
/// A folder of the host or a named volume mounted into a container (<c>docker run -v</c>).
/// </summary>
/// <example>
/// <code>
/// var options = new ContainerOptions { Mounts = [Mount.Bind("/srv/data", "/data", readOnly: true), Mount.Volume("cache", "/cache")] };
/// </code>
/// </example>
public sealed record Mount
{
    private Mount(string source, string target, bool readOnly) => (Source, Target, ReadOnly) = (source, target, readOnly);

    /// <summary>The host's absolute folder, or the volume's name.</summary>
    public string Source { get; }

    /// <summary>The absolute path inside the container.</summary>
    public string Target { get; }

    /// <summary>Whether the container may only read it (<c>:ro</c>).</summary>
    public bool ReadOnly { get; }

    /// <summary>The host folder <paramref name="hostPath"/> (absolute) at <paramref name="containerPath"/>.</summary>
    public static Mount Bind(string hostPath, string containerPath, bool readOnly = false)
    {
        if (!Path.IsPathFullyQualified(hostPath))
            throw new ArgumentException($"a bind mount needs an absolute host path, not '{hostPath}'", nameof(hostPath));
        return new Mount(Checked(hostPath, nameof(hostPath)), Checked(containerPath, nameof(containerPath)), readOnly);
    }

    /// <summary>The named volume <paramref name="name"/> (made by the engine when it does not exist) at <paramref name="containerPath"/>.</summary>
    public static Mount Volume(string name, string containerPath, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!char.IsAsciiLetterOrDigit(name[0]) || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-')))
            throw new ArgumentException($"'{name}' is not a volume name: letters, digits, '_', '.', '-', starting with a letter or digit", nameof(name));
        return new Mount(name, Checked(containerPath, nameof(containerPath)), readOnly);
    }

    /// <summary>The engine's <c>Binds</c> form: <c>source:target[:ro]</c>.</summary>
    internal string Bind() => $"{Source}:{Target}{(ReadOnly ? ":ro" : "")}";

    // A ':' would be read as the separator of the Binds form, a NUL ends the string in the engine.
    private static string Checked(string path, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(path, name);
        if (path.Contains(':') || path.Contains('\0'))
            throw new ArgumentException($"'{path}' cannot be mounted: it holds ':' or NUL", name);
        if (name == "containerPath" && !path.StartsWith('/'))
            throw new ArgumentException($"a path in the container is absolute, not '{path}'", name);
        return path;
    }
}
