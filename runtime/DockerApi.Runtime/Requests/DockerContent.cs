using System.Net.Http.Headers;

using DockerApi.Generated;

namespace DockerApi.Requests;

/// <summary>Request bodies in the form the daemon expects.</summary>
public static class DockerContent
{
    /// <summary>
    /// The multipart/form-data body of <c>POST /build</c> (API 1.0 – 1.2): a <c>Dockerfile</c> file part and an
    /// optional <c>Context</c> file part holding a tar archive. Both streams are sent as they are read, not buffered;
    /// the daemon reads the parts with Go's multipart reader, which needs a file name on each part.
    /// </summary>
    public static MultipartFormDataContent BuildForm(Stream dockerfile, Stream? context = null)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var form = new MultipartFormDataContent();
        AddFile(form, "Dockerfile", dockerfile, "application/octet-stream");
        AddFile(form, "Context", context, "application/x-tar", "context.tar");
        return form;
    }

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

    /// <summary>A tar archive sent as it is read (the body of an import with <c>fromSrc=-</c>).</summary>
    public static StreamContent Tar(Stream archive) => Binary(archive, "application/x-tar");

    /// <summary>Sets the Content-Type of the request's content, when both are present (a header parameter named Content-Type).</summary>
    public static void SetContentType(HttpRequestMessage request, string? mediaType, string parameterName = "contentType")
    {
        ArgumentNullException.ThrowIfNull(request);
        if (mediaType is null || request.Content is null)
            return;
        DockerHeaders.EnsureSafe("Content-Type", mediaType, parameterName);
        if (!MediaTypeHeaderValue.TryParse(mediaType, out var parsed))
            throw new ArgumentException($"'{mediaType}' is not a media type.", parameterName);
        request.Content.Headers.ContentType = parsed;
    }

    /// <summary>A byte stream sent as it is read, with the given media type.</summary>
    public static StreamContent Binary(Stream body, string mediaType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(body);
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }
}
