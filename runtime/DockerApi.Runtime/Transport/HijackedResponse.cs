namespace DockerApi.Transport;

/// <summary>Access to the connection of a hijacked response.</summary>
public static class HijackedResponse
{
    /// <summary>
    /// The hijacked connection of <paramref name="response"/>, after checking its status: an error answer
    /// before the hijack (404 no such container, 400 bad parameter) raises <see cref="DockerApiException"/>
    /// with the daemon's message. The stream belongs to the caller; disposing it closes the connection.
    /// </summary>
    public static async Task<DockerHijackedStream> GetHijackedStreamAsync(this HttpResponseMessage response, string? operation = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        await DockerResponse.EnsureSuccessAsync(response, operation, cancellationToken).ConfigureAwait(false);
        if (response.Content is HijackedContent hijacked)
            return hijacked.Stream;
        response.Dispose();
        throw new DockerProtocolException(
            "the response is not a hijacked connection: send the request through DockerHttpHandler with DockerRequestOptions.Hijack set",
            operation);
    }
}
