namespace DockerApi.Build;

/// <summary>Which builder the engine runs a build with.</summary>
public enum Builder
{
    /// <summary>
    /// As the docker CLI chooses: <c>DOCKER_BUILDKIT=1</c> or <c>0</c> when set, else BuildKit where the engine's
    /// <c>/_ping</c> says <c>Builder-Version: 2</c> (Docker 23 and later), else the legacy builder; always the legacy
    /// builder on a 2013 daemon.
    /// </summary>
    Auto,

    /// <summary>The classic builder: a step after another, its output as text (<c>Step 1/3 : FROM busybox</c>).</summary>
    Legacy,

    /// <summary>BuildKit (API 1.39 and later): steps in parallel, cache mounts, progress as typed updates.</summary>
    BuildKit,
}

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

    /// <summary>The builder; default <see cref="Builder.Auto"/>, the docker CLI's choice.</summary>
    public Builder Builder { get; init; }

    /// <summary>
    /// A BuildKit session for the build: secrets (<c>--secret</c>), ssh forwarding (<c>--ssh</c>), registry
    /// credentials of private base images, the context by file sync. Null: none, the context sent as a tar. A session
    /// makes the build a BuildKit one.
    /// </summary>
    public BuildSession? Session { get; init; }
}
