using System.Text;

namespace DockerApi.Build;

/// <summary>
/// What a build reports as it goes (<see cref="DockerImages.BuildStreamAsync"/>): with BuildKit, steps that started,
/// finished or were cached, their progress, their output and warnings; with the legacy builder, a line of text. The last
/// update names the image built.
/// </summary>
/// <param name="Steps">Steps (BuildKit's vertexes) whose state changed.</param>
/// <param name="Progress">Progress of work within steps: bytes pulled, files copied.</param>
/// <param name="Logs">Output of steps (a RUN's stdout and stderr).</param>
/// <param name="Warnings">Warnings about the Dockerfile or the build.</param>
/// <param name="Text">The legacy builder's line of output; null with BuildKit.</param>
/// <param name="ImageId">The image built, on the last update; null before.</param>
public sealed record BuildUpdate(IReadOnlyList<BuildStep> Steps, IReadOnlyList<BuildStepProgress> Progress, IReadOnlyList<BuildLog> Logs,
    IReadOnlyList<BuildWarning> Warnings, string? Text, string? ImageId);

/// <summary>One step of a BuildKit build: <c>[stage-0 2/3] RUN make</c>, <c>[internal] load build context</c>.</summary>
/// <param name="Digest">Its id within the build.</param>
/// <param name="Name">What the docker CLI shows for it.</param>
/// <param name="Inputs">The steps it builds on.</param>
/// <param name="Cached">Whether its result came from the cache.</param>
/// <param name="Started">When it started; null before.</param>
/// <param name="Completed">When it ended; null before.</param>
/// <param name="Error">Why it failed (<c>… did not complete successfully: exit code: 3</c>); null when it did not.</param>
public sealed record BuildStep(string Digest, string Name, IReadOnlyList<string> Inputs, bool Cached, DateTimeOffset? Started, DateTimeOffset? Completed, string? Error);

/// <summary>Progress of one piece of work within a step (a layer pulled, a context transferred).</summary>
/// <param name="Id">The work's id (a layer's digest).</param>
/// <param name="Step">The step's digest.</param>
/// <param name="Name">What it is: <c>transferring context</c>, <c>sha256:…</c>.</param>
/// <param name="Current">Done so far (bytes, mostly).</param>
/// <param name="Total">Of how much; 0 when unknown.</param>
/// <param name="Completed">When it ended; null before.</param>
public sealed record BuildStepProgress(string Id, string Step, string Name, long Current, long Total, DateTimeOffset? Completed);

/// <summary>Output a step wrote.</summary>
/// <param name="Step">The step's digest.</param>
/// <param name="Stream">1 for its stdout, 2 for its stderr.</param>
/// <param name="Data">The bytes.</param>
/// <param name="Time">When the engine read them.</param>
public sealed record BuildLog(string Step, int Stream, byte[] Data, DateTimeOffset? Time)
{
    /// <summary>The bytes as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Data);
}

/// <summary>A warning of the build (a deprecated instruction, a secret passed as an ARG).</summary>
/// <param name="Step">The step's digest.</param>
/// <param name="Level">How grave.</param>
/// <param name="Message">The warning.</param>
/// <param name="Detail">Its explanation, a line each.</param>
/// <param name="Url">Where to read more; empty for nowhere.</param>
public sealed record BuildWarning(string Step, long Level, string Message, IReadOnlyList<string> Detail, string Url);
