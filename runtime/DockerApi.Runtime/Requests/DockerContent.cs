using System.Net.Http.Headers;

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
        var dockerfilePart = new StreamContent(dockerfile);
        dockerfilePart.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(dockerfilePart, "Dockerfile", "Dockerfile");
        if (context is not null)
        {
            var contextPart = new StreamContent(context);
            contextPart.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
            form.Add(contextPart, "Context", "context.tar");
        }
        return form;
    }

    /// <summary>A tar archive sent as it is read (the body of an import with <c>fromSrc=-</c>).</summary>
    public static StreamContent Tar(Stream archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var content = new StreamContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        return content;
    }
}
