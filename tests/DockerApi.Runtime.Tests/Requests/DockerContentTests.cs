using System.Text;
using DockerApi.Generated;
using DockerApi.Requests;
using DockerApi.Tests;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Requests;

public sealed class DockerContentTests
{
    [Fact]
    public async Task Build_form_sends_a_Dockerfile_part_and_a_Context_part_streamed()
    {
        RawRequest? seen = null;
        await using var server = RawServer.KeepAlive(Wire.Unix, r =>
        {
            seen = r;
            return Http.Response(200, "OK", "Successfully built 596069db4bf5\n");
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        var dockerfile = new TrickleStream("FROM base\nRUN touch /x\n"u8.ToArray(), 4);
        var context = new TrickleStream(new byte[10240], 512);

        using var response = await client.PostAsync("/build?t=web", DockerContent.BuildForm(dockerfile, context));

        var body = Encoding.Latin1.GetString(seen!.Body);
        Assert.StartsWith("multipart/form-data; boundary=", seen.Header("Content-Type"));
        Assert.Equal("chunked", seen.Header("Transfer-Encoding")); // not buffered to learn its length
        Assert.Contains("Content-Disposition: form-data; name=Dockerfile; filename=Dockerfile", body);
        Assert.Contains("FROM base\nRUN touch /x\n", body);
        Assert.Contains("Content-Disposition: form-data; name=Context; filename=context.tar", body);
        Assert.Contains("Content-Type: application/x-tar", body);
        Assert.Contains(new string('\0', 10240), body);
    }

    [Fact]
    public async Task Build_form_without_a_context_has_only_the_Dockerfile()
    {
        var text = await DockerContent.BuildForm(new MemoryStream("FROM base\n"u8.ToArray())).ReadAsStringAsync();
        Assert.Contains("name=Dockerfile", text);
        Assert.DoesNotContain("name=Context", text);
    }

    [Fact]
    public async Task Tar_content_is_an_x_tar_body()
    {
        var content = DockerContent.Tar(new MemoryStream([1, 2, 3]));
        Assert.Equal("application/x-tar", content.Headers.ContentType!.MediaType);
        Assert.Equal([1, 2, 3], await content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void Booleans_go_as_the_daemon_parses_them()
    {
        Assert.Equal("1", DockerQuery.Numeric(true));
        Assert.Equal("0", DockerQuery.Numeric(false));
        Assert.Null(DockerQuery.Numeric(null));
        Assert.Equal("true", DockerQuery.Word(true));
        Assert.Equal("-1", DockerQuery.Integer(-1));
    }
}
