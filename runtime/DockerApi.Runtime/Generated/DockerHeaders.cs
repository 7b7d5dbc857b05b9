using System.ComponentModel;
using DockerApi.Transport;
namespace DockerApi.Generated;

/// <summary>Headers as generated code adds them, through the transport's one rule for header values (<c>HeaderValues</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DockerHeaders
{
    /// <summary>
    /// Adds <paramref name="name"/>: <paramref name="value"/> to <paramref name="request"/>, nothing when the value is
    /// null. A value holding CR, LF or NUL is refused with an <see cref="ArgumentException"/> naming
    /// <paramref name="parameterName"/>.
    /// </summary>
    public static void Add(HttpRequestMessage request, string name, string? value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (value is null)
            return;
        EnsureSafe(name, value, parameterName);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>Refuses a header value that holds CR, LF or NUL, naming the parameter (or, without one, the header).</summary>
    public static void EnsureSafe(string name, string value, string? parameterName = null) => HeaderValues.EnsureSafe(name, value, parameterName);
}
