using System.Net.Sockets;

namespace DockerApi.Transport;

/// <summary>
/// Turns what the transport throws (<see cref="HttpRequestException"/>, <see cref="HttpIOException"/>,
/// <see cref="IOException"/>, <see cref="SocketException"/>) into a <see cref="DockerException"/> with the original
/// as inner exception. Cancellation and argument errors pass through as they are.
/// </summary>
internal static class TransportErrors
{
    public static Exception Translate(Exception error, DockerEndpoint endpoint, string? operation = null)
    {
        var where = endpoint.ToString();
        return error switch
        {
            DockerException or OperationCanceledException or ArgumentException or ObjectDisposedException => error,
            // Our own connection (TLS, ssh) already said what went wrong; the handler only wrapped it, once or twice.
            _ when Own(error) is { } own => own,
            HttpRequestException e => ByKind(e.HttpRequestError, e, where, operation),
            HttpIOException e => ByKind(e.HttpRequestError, e, where, operation),
            IOException { InnerException: SocketException s } e => Broken(s, e, where, operation),
            SocketException s => Broken(s, s, where, operation),
            IOException e => new DockerConnectionException($"the connection to the daemon at {where} failed: {e.Message}", where, operation, e),
            _ => error,
        };
    }

    private static DockerException? Own(Exception error)
    {
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is DockerException own)
                return own;
        }
        return null;
    }

    private static DockerException ByKind(HttpRequestError kind, Exception e, string where, string? operation) => kind switch
    {
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError => e.InnerException is SocketException s
                ? Broken(s, e, where, operation)
                : new DockerConnectionException($"cannot connect to the Docker daemon at {where}: {e.Message}", where, operation, e),
        HttpRequestError.ResponseEnded => new DockerProtocolException($"the daemon at {where} closed the connection before its answer was complete", operation, e),
        HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError => new DockerProtocolException($"the answer of the daemon at {where} is not valid HTTP: {e.Message}", operation, e),
        HttpRequestError.ConfigurationLimitExceeded => new DockerProtocolException($"the answer of the daemon at {where} exceeds a configured limit: {e.Message}", operation, e),
        _ => e.InnerException is SocketException s2 ? Broken(s2, e, where, operation)
            : new DockerConnectionException($"the request to the daemon at {where} failed: {e.Message}", where, operation, e),
    };

    private static DockerConnectionException Broken(SocketException s, Exception e, string where, string? operation) => s.SocketErrorCode switch
    {
        SocketError.ConnectionRefused or SocketError.AddressNotAvailable =>
            new(Refused(where, s), where, operation, e),
        SocketError.TimedOut => new($"connecting to the daemon at {where} timed out", where, operation, e),
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
            new($"the daemon at {where} reset the connection", where, operation, e),
        _ => new($"the connection to the daemon at {where} failed: {s.Message} ({s.SocketErrorCode})", where, operation, e),
    };

    // The docker CLI's own wording, which users search for.
    private static string Refused(string where, SocketException s) =>
        $"cannot connect to the Docker daemon at {where}. Is the docker daemon running? ({s.Message})";

    /// <summary>A connect that ran out of <see cref="DockerTransportOptions.ConnectTimeout"/> (not the caller's cancellation).</summary>
    public static DockerConnectionException ConnectTimedOut(DockerEndpoint endpoint, TimeSpan timeout, Exception e) =>
        new($"connecting to the daemon at {endpoint} timed out after {timeout.TotalSeconds:0.#} s", endpoint.ToString(), null, e);
}
