using System.Net;
using DockerApi.Tests;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Errors;

public sealed class DockerApiExceptionTests
{
    [Theory]
    [InlineData(404, "Not Found", "No such container: 4fa6e0f0c678\n", "text/plain; charset=utf-8", "No such container: 4fa6e0f0c678")]
    [InlineData(406, "Not Acceptable", "Impossible to remove a running container, please stop it first\n", "text/plain; charset=utf-8", "Impossible to remove a running container, please stop it first")]
    [InlineData(409, "Conflict", "{\"message\":\"conflict: unable to remove repository reference \\\"test\\\"\"}", "application/json", "conflict: unable to remove repository reference \"test\"")]
    [InlineData(400, "Bad Request", "client version 1.2 is too old. Minimum supported API version is 1.12\n", "text/plain; charset=utf-8", "client version 1.2 is too old. Minimum supported API version is 1.12")]
    [InlineData(404, "Not Found", "", null, "(empty body) Not Found")]
    [InlineData(500, "Internal Server Error", "{not json at all", "application/json", "{not json at all")]
    public async Task An_error_status_raises_with_the_daemon_s_message(int status, string reason, string body, string? contentType, string message)
    {
        await using var server = RawServer.KeepAlive(Wire.Unix, _ => Http.Response(status, reason, body, contentType));
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        using var response = await client.DeleteAsync("/containers/4fa6e0f0c678?v=1");

        var e = await Assert.ThrowsAsync<DockerApiException>(() => DockerResponse.EnsureSuccessAsync(response, "ContainerDelete").AsTask());

        Assert.Equal((HttpStatusCode)status, e.StatusCode);
        Assert.Equal(message, e.DaemonMessage);
        Assert.Equal("ContainerDelete", e.Operation);
        Assert.Equal("DELETE", e.Method);
        Assert.Equal("/v1.2/containers/4fa6e0f0c678?v=1", e.RequestPath);
        Assert.Contains(message, e.Message);
        Assert.IsAssignableFrom<DockerException>(e);
    }

    [Fact]
    public async Task Not_modified_is_success_only_where_the_operation_says_so()
    {
        await using var server = RawServer.KeepAlive(Wire.Tcp, _ => Http.Response(304, "Not Modified", "", null));
        using var client = DockerHttpClient.Create(server.Endpoint, "1.41");

        await DockerApi.Generated.DockerCall.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/containers/x/stop"), "ContainerStop", notModifiedIsSuccess: true, default);
        Assert.Equal(HttpStatusCode.NotModified, (await Assert.ThrowsAsync<DockerApiException>(() =>
            DockerApi.Generated.DockerCall.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/containers/x/restart"), "ContainerRestart", default))).StatusCode);
        var e = await Assert.ThrowsAsync<DockerApiException>(() =>
            DockerApi.Generated.DockerCall.SendTextAsync(client, new HttpRequestMessage(HttpMethod.Get, "/_ping"), "SystemPing", default));
        Assert.Equal(HttpStatusCode.NotModified, e.StatusCode);
    }

    [Fact]
    public async Task Success_statuses_do_not_raise()
    {
        await using var server = RawServer.KeepAlive(Wire.Tcp, _ => Http.Response(204, "No Content", "", null));
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        using var response = await client.PostAsync("/containers/x/start", null);
        await DockerResponse.EnsureSuccessAsync(response, "ContainerStart");
    }

    [Fact]
    public async Task A_huge_error_body_is_read_only_up_to_the_bound()
    {
        var huge = new string('x', 5 * DockerResponse.MaxErrorBodyBytes);
        await using var server = RawServer.KeepAlive(Wire.Unix, _ => Http.Response(500, "Internal Server Error", huge));
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/info"), HttpCompletionOption.ResponseHeadersRead);
        var e = await DockerResponse.CreateExceptionAsync(response, "SystemInfo");
        Assert.Equal(DockerResponse.MaxErrorBodyBytes, e.DaemonMessage.Length);
    }

    [Fact]
    public async Task A_body_that_is_not_the_expected_json_raises_a_protocol_error()
    {
        await using var server = RawServer.KeepAlive(Wire.Tcp, _ => Http.Response(200, "OK", "<html>proxy</html>", "text/html"));
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        var e = await Assert.ThrowsAsync<DockerProtocolException>(async () =>
            await DockerResponse.ReadJsonAsync(await client.GetAsync("/x"), DockerApi.Runtime.Tests.Transport.TestJson.Default.IdResponse, "ImageCommit"));
        Assert.Contains("ImageCommit", e.Message);
    }
}
