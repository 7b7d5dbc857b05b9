using System.Net.Http.Headers;

using DockerApi.Generated;

namespace DockerApi.Requests;

/// <summary>Request bodies in the form the daemon expects: a build form, a tar, a byte stream.</summary>
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
        DockerRequestContent.AddFile(form, "Dockerfile", dockerfile, "application/octet-stream");
        DockerRequestContent.AddFile(form, "Context", context, "application/x-tar", "context.tar");
        return form;
    }

    /// <summary>A tar archive sent as it is read (the body of an import with <c>fromSrc=-</c>).</summary>
    public static StreamContent Tar(Stream archive) => Binary(archive, "application/x-tar");

    /// <summary>A byte stream sent as it is read, with the given media type.</summary>
    public static StreamContent Binary(Stream body, string mediaType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(body);
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }
}
