namespace DockerApi.Emulator.State;

/// <summary>
/// An error of the emulated daemon. As in docker 0.4.4, the status follows from the message's start:
/// <c>No such</c> 404, <c>Bad parameter</c> 400, <c>Conflict</c> 409, <c>Impossible</c> 406, else 500.
/// </summary>
internal sealed class DaemonException(string message) : Exception(message)
{
    public int Status => Message switch
    {
        _ when Message.StartsWith("No such", StringComparison.Ordinal) => 404,
        _ when Message.StartsWith("Bad parameter", StringComparison.Ordinal) => 400,
        _ when Message.StartsWith("Conflict", StringComparison.Ordinal) => 409,
        _ when Message.StartsWith("Impossible", StringComparison.Ordinal) => 406,
        _ => 500,
    };
}
