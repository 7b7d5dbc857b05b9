using System.Text;
using System.Text.Json;
using DockerApi.Requests;

namespace DockerApi.Runtime.Tests.Requests;

public sealed class RegistryAuthTests
{
    [Fact]
    public void Anonymous_is_an_empty_json_object()
    {
        Assert.Equal("{}", Encoding.UTF8.GetString(Convert.FromBase64String(RegistryAuth.Anonymous)));
    }

    [Fact]
    public void Credentials_are_json_with_docker_names_in_base64url_with_padding()
    {
        var value = RegistryAuth.Encode("me", "s3cr?t>~", "127.0.0.1:5000");

        Assert.DoesNotContain('+', value);
        Assert.DoesNotContain('/', value);
        Assert.Equal(0, value.Length % 4);
        var json = Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/'));
        using var document = JsonDocument.Parse(json);
        Assert.Equal("me", document.RootElement.GetProperty("username").GetString());
        Assert.Equal("s3cr?t>~", document.RootElement.GetProperty("password").GetString());
        Assert.Equal("127.0.0.1:5000", document.RootElement.GetProperty("serveraddress").GetString());
        Assert.False(document.RootElement.TryGetProperty("identitytoken", out _));
    }

    [Fact]
    public void Url_safe_alphabet_replaces_plus_and_slash()
    {
        // 0xFB 0xFF encodes as "+/8=" in standard base64.
        Assert.Equal("-_8=", RegistryAuth.Encode(new byte[] { 0xFB, 0xFF }));
    }
}
