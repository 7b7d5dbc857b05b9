using DockerApi.BuildKit;

namespace DockerApi.HighLevel.Tests;

/// <summary>The docker CLI's <c>--secret</c> and <c>--ssh</c> forms, and what a secret's ToString keeps to itself.</summary>
public sealed class BuildKitOptionsTests
{
    [Theory]
    [InlineData("id=npmrc,src=/tmp/npmrc", "npmrc", "/tmp/npmrc", null)]
    [InlineData("id=npmrc,source=/tmp/npmrc", "npmrc", "/tmp/npmrc", null)]
    [InlineData("type=file,id=npmrc,src=/tmp/npmrc", "npmrc", "/tmp/npmrc", null)]
    [InlineData("id=token,env=API_TOKEN", "token", null, "API_TOKEN")]
    [InlineData("type=env,id=API_TOKEN", "API_TOKEN", null, "API_TOKEN")]
    public void Secrets_are_read_in_the_docker_CLI_forms(string spec, string id, string? file, string? variable)
    {
        var secret = BuildSecret.Parse(spec);
        Assert.Equal((id, file, variable), (secret.Id, secret.File, secret.EnvironmentVariable));
    }

    [Theory]
    [InlineData("src=/tmp/x", "needs id")]
    [InlineData("id=x", "needs src=FILE or env=VAR")]
    [InlineData("id=x,type=ssh,src=/a", "type is file or env")]
    [InlineData("id=x,mode=0400,src=/a", "not 'mode'")]
    [InlineData("type=env,id=x,src=/a", "takes no src")]
    public void A_secret_form_that_is_not_one_of_them_says_what_is_wrong(string spec, string said) =>
        Assert.Contains(said, Assert.Throws<FormatException>(() => BuildSecret.Parse(spec)).Message);

    [Fact]
    public async Task A_secret_shows_where_it_comes_from_and_never_its_value()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "hunter2");
            var secret = BuildSecret.FromFile("pw", file);
            Assert.Equal("hunter2"u8.ToArray(), await secret.ReadAsync());
            Assert.DoesNotContain("hunter2", secret.ToString());
            Assert.DoesNotContain("hunter2", new BuildKitSession { Secrets = [secret] }.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_secret_over_BuildKits_limit_is_refused()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, new byte[BuildSecret.MaxBytes + 1]);
            var error = await Assert.ThrowsAsync<DockerConfigException>(() => BuildSecret.FromFile("big", file).ReadAsync());
            Assert.Contains($"limit of {BuildSecret.MaxBytes} bytes", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("default", "default", null)]
    [InlineData("github", "github", null)]
    [InlineData("github=/run/agent.sock", "github", "/run/agent.sock")]
    public void Ssh_agents_are_read_in_the_docker_CLI_forms(string spec, string id, string? socket)
    {
        var agent = SshAgent.Parse(spec);
        Assert.Equal((id, socket), (agent.Id, agent.Socket));
    }

    [Theory]
    [InlineData("default=/home/me/.ssh/id_rsa,/home/me/.ssh/id_ed25519")]
    [InlineData("=/run/agent.sock")]
    [InlineData("github=")]
    public void An_ssh_form_with_key_files_or_no_id_is_refused(string spec) =>
        Assert.Throws<FormatException>(() => SshAgent.Parse(spec));
}
