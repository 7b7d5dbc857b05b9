using System.Text;
using System.Text.Json;
using DockerApi.Configuration;
using DockerApi.Requests;

namespace DockerApi.Runtime.Tests.Configuration;

/// <summary>Credentials that `docker login` stored: auths, credHelpers, credsStore, with Docker Hub's key rule; no secret in an error.</summary>
public sealed class RegistryCredentialsTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    private static Dictionary<string, string> Decode(string header) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Convert.FromBase64String(header.Replace('-', '+').Replace('_', '/')))!;

    private static string Auth(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    [Theory]
    [InlineData("127.0.0.1:5000/app:1", "127.0.0.1:5000")]
    [InlineData("localhost/app", "localhost")]
    [InlineData("registry.example/team/app", "registry.example")]
    [InlineData("busybox", RegistryCredentials.DockerHubKey)]
    [InlineData("library/busybox:latest", RegistryCredentials.DockerHubKey)]
    public void The_registry_of_an_image_is_read_as_the_docker_CLI_reads_it(string image, string registry) =>
        Assert.Equal(registry, RegistryCredentials.RegistryOf(image));

    [Fact]
    public async Task Auths_give_user_and_password_or_an_identity_token()
    {
        _folder.WriteConfig($$$"""
            {"auths": {
              "127.0.0.1:5000": {"auth": "{{{Auth("tester", "s3:cret")}}}"},
              "https://index.docker.io/v1/": {"auth": "{{{Auth("hubuser", "hubpass")}}}"},
              "tokens.example": {"identitytoken": "tok-123"}
            }}
            """);

        var local = Decode(await RegistryCredentials.ForImageAsync("127.0.0.1:5000/app:1", _folder.Environment));
        var hub = Decode(await RegistryCredentials.ForImageAsync("busybox", _folder.Environment));
        var token = Decode(await RegistryCredentials.ForImageAsync("tokens.example/app", _folder.Environment));

        Assert.Equal(("tester", "s3:cret", "127.0.0.1:5000"), (local["username"], local["password"], local["serveraddress"]));
        Assert.Equal(("hubuser", "hubpass"), (hub["username"], hub["password"]));
        Assert.Equal("tok-123", token["identitytoken"]);
        Assert.Equal(RegistryAuth.Anonymous, await RegistryCredentials.ForImageAsync("other.example/app", _folder.Environment));
    }

    [SkippableFact]
    public async Task A_credential_helper_answers_for_its_registry_and_tokens_are_identity_tokens()
    {
        Skip.If(OperatingSystem.IsWindows(), "the helper is a shell script");
        WriteHelper("test", """
            read server
            case "$server" in
              helped.example) echo '{"ServerURL":"helped.example","Username":"helper-user","Secret":"helper-secret"}' ;;
              token.example) echo '{"ServerURL":"token.example","Username":"<token>","Secret":"refresh-token"}' ;;
              *) echo "credentials not found in native keychain"; exit 1 ;;
            esac
            """);
        _folder.WriteConfig("""{"credHelpers": {"helped.example": "test", "token.example": "test", "missing.example": "test"}}""");

        var helped = Decode(await RegistryCredentials.ForImageAsync("helped.example/app", _folder.Environment));
        var token = Decode(await RegistryCredentials.ForImageAsync("token.example/app", _folder.Environment));

        Assert.Equal(("helper-user", "helper-secret"), (helped["username"], helped["password"]));
        Assert.Equal("refresh-token", token["identitytoken"]);
        Assert.False(token.ContainsKey("username"));
        Assert.Equal(RegistryAuth.Anonymous, await RegistryCredentials.ForImageAsync("missing.example/app", _folder.Environment));
    }

    [SkippableFact]
    public async Task A_failing_or_missing_helper_is_named_and_its_output_never_shown()
    {
        Skip.If(OperatingSystem.IsWindows(), "the helper is a shell script");
        WriteHelper("leaky", "echo 'the-secret-value' >&2; exit 3");
        _folder.WriteConfig("""{"credsStore": "leaky", "credHelpers": {"gone.example": "gone"}}""");

        var failed = await Assert.ThrowsAsync<DockerConfigException>(() => RegistryCredentials.ForImageAsync("any.example/app", _folder.Environment));
        var missing = await Assert.ThrowsAsync<DockerConfigException>(() => RegistryCredentials.ForImageAsync("gone.example/app", _folder.Environment));

        Assert.Contains("docker-credential-leaky failed to get the credentials of 'any.example' (exit code 3)", failed.Message);
        Assert.DoesNotContain("the-secret-value", failed.ToString());
        Assert.Equal("docker-credential-gone", missing.Origin);
    }

    [Fact]
    public async Task A_helper_name_that_is_a_path_is_refused_and_an_empty_one_is_none()
    {
        _folder.WriteConfig("""{"credsStore": "../../bin/sh"}""");
        var error = await Assert.ThrowsAsync<DockerConfigException>(() => RegistryCredentials.ForImageAsync("any.example/app", _folder.Environment));
        Assert.Contains("is not a credential helper name", error.Message);

        _folder.WriteConfig("{\"credsStore\": \"\", \"auths\": {\"any.example\": {\"auth\": \"" + Auth("u", "p") + "\"}}}");
        Assert.Equal("u", Decode(await RegistryCredentials.ForImageAsync("any.example/app", _folder.Environment))["username"]);
    }

    [Fact]
    public async Task A_bad_auth_entry_is_an_error_without_its_value()
    {
        _folder.WriteConfig("""{"auths": {"bad.example": {"auth": "bm90LWEtcGFpcg=="}}}"""); // "not-a-pair"

        var error = await Assert.ThrowsAsync<DockerConfigException>(() => RegistryCredentials.ForImageAsync("bad.example/app", _folder.Environment));

        Assert.Contains("the 'auth' of 'bad.example' is not 'user:password' in base64", error.Message);
        Assert.DoesNotContain("not-a-pair", error.ToString());
    }

    [SkippableFact]
    public async Task Storing_keeps_the_rest_of_the_file_and_uses_a_helper_when_one_is_named()
    {
        Skip.If(OperatingSystem.IsWindows(), "the helper is a shell script");
        _folder.WriteConfig("""{"currentContext": "remote", "auths": {"old.example": {"auth": "b2xkOm9sZA=="}}, "credHelpers": {"helped.example": "keeper"}}""");
        var stored = Path.Combine(_folder.Home, "stored.json");
        WriteHelper("keeper", $"cat > {stored}");

        await RegistryCredentials.StoreAsync(new RegistryCredential("new.example", "user", "pass"), _folder.Environment);
        await RegistryCredentials.StoreAsync(new RegistryCredential("helped.example", IdentityToken: "tok"), _folder.Environment);

        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.DockerDirectory, "config.json"))).RootElement;
        Assert.Equal("remote", config.GetProperty("currentContext").GetString());
        Assert.Equal("b2xkOm9sZA==", config.GetProperty("auths").GetProperty("old.example").GetProperty("auth").GetString());
        Assert.Equal(Auth("user", "pass"), config.GetProperty("auths").GetProperty("new.example").GetProperty("auth").GetString());
        Assert.False(config.GetProperty("auths").TryGetProperty("helped.example", out _));
        Assert.Equal("""{"ServerURL":"helped.example","Username":"\u003Ctoken\u003E","Secret":"tok"}""", File.ReadAllText(stored));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder.DockerDirectory, "config.json")));
    }

    [Fact]
    public void A_credential_prints_without_its_secrets()
    {
        var text = new RegistryCredential("r.example", "user", "hunter2", "tok-secret").ToString();

        Assert.Contains("Username = user", text);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("tok-secret", text);
    }

    private void WriteHelper(string name, string body)
    {
        var bin = Path.Combine(_folder.Home, "bin");
        Directory.CreateDirectory(bin);
        var path = Path.Combine(bin, "docker-credential-" + name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _folder.Variables["PATH"] = bin + Path.PathSeparator + "/usr/bin:/bin";
    }

    public void Dispose() => _folder.Dispose();
}
