using System.Text;

namespace DockerApi.BuildKit;

/// <summary>
/// A secret a build's <c>RUN --mount=type=secret,id=…</c> reads, from a file or an environment variable of this
/// process (<c>--secret id=…,src=…</c> or <c>env=…</c>). The engine asks for it by id while the step runs; it is
/// mounted for that step only and is in no layer and no history. <see cref="ToString"/> shows where it comes from, never its value.
/// </summary>
public sealed class BuildSecret
{
    /// <summary>The largest secret BuildKit takes: 500 KiB.</summary>
    public const int MaxBytes = 500 * 1024;

    private BuildSecret(string id, string? file, string? variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        File = file;
        EnvironmentVariable = variable;
    }

    /// <summary>The id a Dockerfile names (<c>--mount=type=secret,id=…</c>).</summary>
    public string Id { get; }

    /// <summary>The file the secret is read from, or null.</summary>
    public string? File { get; }

    /// <summary>The environment variable the secret is read from, or null.</summary>
    public string? EnvironmentVariable { get; }

    /// <summary>A secret read from <paramref name="path"/> when the engine asks for it.</summary>
    public static BuildSecret FromFile(string id, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new BuildSecret(id, Path.GetFullPath(path), null);
    }

    /// <summary>A secret read from this process's environment variable <paramref name="variable"/> when the engine asks for it.</summary>
    public static BuildSecret FromEnvironment(string id, string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return new BuildSecret(id, null, variable);
    }

    /// <summary>
    /// Reads the docker CLI's <c>--secret</c> form: <c>id=ID,src=FILE</c> (or <c>source=</c>), <c>id=ID,env=VAR</c>,
    /// <c>type=env,id=ID</c> (the variable named as the id).
    /// </summary>
    /// <exception cref="FormatException">The form is not one of these; the message names the part.</exception>
    public static BuildSecret Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string? type = null, id = null, source = null, variable = null;
        foreach (var part in spec.Split(','))
        {
            var equals = part.IndexOf('=');
            var (key, value) = equals < 0 ? (part, "") : (part[..equals], part[(equals + 1)..]);
            switch (key.Trim().ToLowerInvariant())
            {
                case "type": type = value; break;
                case "id": id = value; break;
                case "src" or "source": source = value; break;
                case "env": variable = value; break;
                default: throw new FormatException($"a --secret takes id, src, env and type, not '{key}'");
            }
        }
        if (string.IsNullOrEmpty(id))
            throw new FormatException("a --secret needs id=…");
        if (type is not (null or "file" or "env"))
            throw new FormatException($"a --secret's type is file or env, not '{type}'");
        if (type == "env" || (type is null && variable is not null))
            return source is null ? FromEnvironment(id, variable ?? id) : throw new FormatException("a --secret of type env takes no src");
        return source is { Length: > 0 } ? FromFile(id, source) : throw new FormatException($"the --secret '{id}' needs src=FILE or env=VAR");
    }

    /// <summary>The secret's bytes; a typed error, naming the source and not the value, when it cannot be read.</summary>
    /// <exception cref="DockerConfigException">The file cannot be read or is over <see cref="MaxBytes"/>, or the variable is unset.</exception>
    public async Task<byte[]> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (EnvironmentVariable is { } variable)
        {
            var value = Environment.GetEnvironmentVariable(variable)
                ?? throw new DockerConfigException($"the secret '{Id}' comes from the environment variable {variable}, which is not set", variable);
            var bytes = Encoding.UTF8.GetBytes(value);
            return bytes.Length <= MaxBytes ? bytes : throw TooLarge(variable);
        }
        try
        {
            await using var file = new FileStream(File!, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
            if (file.Length > MaxBytes)
                throw TooLarge(File!);
            var data = new byte[file.Length];
            await file.ReadExactlyAsync(data, cancellationToken).ConfigureAwait(false);
            return data;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DockerConfigException($"the secret '{Id}' cannot be read from {File}: {e.Message}", File, e);
        }
    }

    private DockerConfigException TooLarge(string source) =>
        new($"the secret '{Id}' is larger than BuildKit's limit of {MaxBytes} bytes", source);

    /// <inheritdoc />
    public override string ToString() => EnvironmentVariable is { } variable ? $"BuildSecret {{ Id = {Id}, env = {variable} }}" : $"BuildSecret {{ Id = {Id}, src = {File} }}";
}
