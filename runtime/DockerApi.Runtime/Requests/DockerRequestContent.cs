using System.ComponentModel;
using System.Net.Http.Headers;

namespace DockerApi.Requests;

/// <summary>The parts of a request that generated clients build from form-file and header parameters. For generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DockerRequestContent
{
    /// <summary>
    /// Adds a file part named <paramref name="name"/> to <paramref name="form"/>, streamed; nothing when
    /// <paramref name="file"/> is null. The part always has a file name, <paramref name="name"/> unless
    /// <paramref name="fileName"/> says otherwise: Go reads a part without one as a plain form value.
    /// </summary>
    public static void AddFile(MultipartFormDataContent form, string name, Stream? file, string mediaType = "application/octet-stream", string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (file is null)
            return;
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(part, name, fileName ?? name);
    }

    /// <summary>Sets the Content-Type of the request's content, when both are present (a header parameter named Content-Type).</summary>
    public static void SetContentType(HttpRequestMessage request, string? mediaType, string parameterName = "contentType")
    {
        ArgumentNullException.ThrowIfNull(request);
        if (mediaType is null || request.Content is null)
            return;
        DockerApi.Transport.HeaderValues.EnsureSafe("Content-Type", mediaType, parameterName);
        if (!MediaTypeHeaderValue.TryParse(mediaType, out var parsed))
            throw new ArgumentException($"'{mediaType}' is not a media type.", parameterName);
        request.Content.Headers.ContentType = parsed;
    }
}
