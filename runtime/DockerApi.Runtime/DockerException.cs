namespace DockerApi;

/// <summary>The base of every error DockerApi raises about a daemon's answer.</summary>
public abstract class DockerException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected DockerException(string message, string? operation, Exception? innerException = null)
        : base(message, innerException) => Operation = operation;

    /// <summary>The operation that failed, for example <c>ContainerCreate</c>; null when unknown.</summary>
    public string? Operation { get; }
}

/// <summary>The daemon answered with an error status (4xx, 5xx), or an answer the operation does not expect.</summary>
public sealed class DockerApiException : DockerException
{
    /// <summary>Creates the exception.</summary>
    public DockerApiException(System.Net.HttpStatusCode statusCode, string daemonMessage, string? operation = null,
        string? method = null, string? requestPath = null)
        : base(Describe(statusCode, daemonMessage, operation, method, requestPath), operation)
    {
        StatusCode = statusCode;
        DaemonMessage = daemonMessage;
        Method = method;
        RequestPath = requestPath;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public System.Net.HttpStatusCode StatusCode { get; }

    /// <summary>The daemon's own message: the text/plain body (2013 daemons) or the <c>message</c> of a JSON body (modern daemons).</summary>
    public string DaemonMessage { get; }

    /// <summary>The request's method.</summary>
    public string? Method { get; }

    /// <summary>The request's path and query.</summary>
    public string? RequestPath { get; }

    private static string Describe(System.Net.HttpStatusCode status, string daemonMessage, string? operation, string? method, string? path)
    {
        var prefix = operation is null ? "" : operation + ": ";
        var request = method is null && path is null ? "" : $" ({method} {path})".Replace("( ", "(", StringComparison.Ordinal);
        return $"{prefix}{(int)status} {status}: {daemonMessage}{request}";
    }
}

/// <summary>
/// The daemon reported an error inside a successful (200) streaming answer: an <c>{"error":…}</c> message of a
/// JSON progress stream, an <c>Error: …</c> line of a text stream, or <c>Error build: …</c> of build output.
/// The messages before it have been delivered.
/// </summary>
public sealed class DockerStreamException : DockerException
{
    /// <summary>Creates the exception.</summary>
    public DockerStreamException(string daemonMessage, string? operation = null)
        : base(operation is null ? daemonMessage : $"{operation}: {daemonMessage}", operation) => DaemonMessage = daemonMessage;

    /// <summary>The daemon's message.</summary>
    public string DaemonMessage { get; }
}

/// <summary>
/// The daemon's bytes do not follow the protocol: a stream that ends inside a value or a response head,
/// bytes that are not JSON, a value larger than the configured bound.
/// </summary>
public sealed class DockerProtocolException : DockerException
{
    /// <summary>Creates the exception.</summary>
    public DockerProtocolException(string message, string? operation = null, Exception? innerException = null)
        : base(operation is null ? message : $"{operation}: {message}", operation, innerException)
    {
    }
}

/// <summary>
/// The daemon could not be reached, or the connection to it broke: refused, reset, timed out, no such socket.
/// <see cref="Exception.InnerException"/> is the transport's own error.
/// </summary>
public sealed class DockerConnectionException : DockerException
{
    /// <summary>Creates the exception.</summary>
    public DockerConnectionException(string message, string? endpoint = null, string? operation = null, Exception? innerException = null)
        : base(operation is null ? message : $"{operation}: {message}", operation, innerException) => Endpoint = endpoint;

    /// <summary>The daemon's address (<c>unix:///var/run/docker.sock</c>, <c>tcp://host:port</c>), when known.</summary>
    public string? Endpoint { get; }
}

/// <summary>
/// The client's own configuration cannot be used: a docker context, <c>config.json</c>, a TLS certificate file or a
/// credential helper. The message names the file or helper; it never holds a secret.
/// </summary>
public sealed class DockerConfigException : DockerException
{
    /// <summary>Creates the exception.</summary>
    public DockerConfigException(string message, string? source = null, Exception? innerException = null)
        : base(source is null ? message : $"{message} ({source})", null, innerException) => Origin = source;

    /// <summary>The file, folder, context or helper the problem is in, when there is one.</summary>
    public string? Origin { get; }
}
