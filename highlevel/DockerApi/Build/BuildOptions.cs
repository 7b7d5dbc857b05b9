namespace DockerApi.Build;

/// <summary>How an image is built from a folder: <c>docker build</c>'s options. All optional; the defaults are the docker CLI's.</summary>
/// <example>
/// <code>
/// var id = await docker.Images.BuildAsync("./app", new BuildOptions
/// {
///     Tag = "app:dev",
///     BuildArgs = new Dictionary&lt;string, string&gt; { ["VERSION"] = "1.2" },
///     Target = "runtime",
/// });
/// </code>
/// </example>
public sealed record BuildOptions
{
    /// <summary>The name and tag given to the image (<c>-t</c>); null for none.</summary>
    public string? Tag { get; init; }

    /// <summary>The Dockerfile, relative to the folder (<c>-f</c>); default <c>Dockerfile</c>.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    /// <summary>Values of the Dockerfile's <c>ARG</c>s (<c>--build-arg</c>).</summary>
    public IReadOnlyDictionary<string, string>? BuildArgs { get; init; }

    /// <summary>The stage of a multi-stage Dockerfile to build up to (<c>--target</c>).</summary>
    public string? Target { get; init; }

    /// <summary>Build every step anew (<c>--no-cache</c>).</summary>
    public bool NoCache { get; init; }

    /// <summary>Pull newer versions of the base images (<c>--pull</c>).</summary>
    public bool Pull { get; init; }

    /// <summary>The network of the RUN steps (<c>--network</c>: <c>none</c>, <c>host</c>, a network's name).</summary>
    public string? Network { get; init; }

    /// <summary>Labels of the image (<c>--label</c>).</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
