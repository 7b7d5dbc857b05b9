using System.IO.Pipelines;

namespace DockerApi.Emulator.State;

/// <summary>
/// The running process of a container, as the state and the routes use it. Declared here and made by
/// <c>Processes.ContainerProcess</c>, which <see cref="DaemonState"/> is handed, so that the state does not depend on
/// the processes that run over it.
/// </summary>
internal interface IContainerProcess
{
    /// <summary>Where attach writes stdin (only for containers created with <c>OpenStdin</c>).</summary>
    PipeWriter Stdin { get; }

    /// <summary>The end of stdin: what <c>cat</c> reads as end of file.</summary>
    void CloseStdin();

    void Kill();
}
