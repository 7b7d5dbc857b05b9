using System.Text;
using System.Text.Json;
using DockerApi.Configuration;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Configuration;

/// <summary>
/// What an attacker tried on the configuration layer (issue 24): programs planted in the current directory, a
/// config.json lost to a failed or concurrent write, secrets quoted back, a context that names another's folder.
/// </summary>
public sealed class ConfigHardeningTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    private string ConfigPath => Path.Combine(_folder.DockerDirectory, "config.json");

    /// <summary>An executable script in a folder of its own that leaves <c>ran</c> beside it when it runs.</summary>
    private string Plant(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Home, "planted-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, $"#!/bin/sh\ntouch '{Path.Combine(folder, "ran")}'\necho '{{\"Username\":\"u\",\"Secret\":\"s\"}}'\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [SkippableFact]
    public void Programs_are_found_on_absolute_PATH_entries_only_and_must_be_executable()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        var planted = Plant("dapi-tool");
        var folder = Path.GetDirectoryName(planted)!;
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, folder);
        var notExecutable = Directory.CreateDirectory(Path.Combine(_folder.Home, "plain")).FullName;
        File.WriteAllText(Path.Combine(notExecutable, "dapi-tool"), "not a program");

        DockerEnvironment With(string path) => new(name => name == "PATH" ? path : null);

        Assert.Null(With(relative).FindProgram("dapi-tool"));
        Assert.Null(With("." + Path.PathSeparator + Path.PathSeparator + relative).FindProgram("dapi-tool"));
        Assert.Null(With(notExecutable).FindProgram("dapi-tool"));
        Assert.Equal(planted, With(notExecutable + Path.PathSeparator + relative + Path.PathSeparator + folder).FindProgram("dapi-tool"));
        Assert.Null(With(folder).FindProgram("../" + Path.GetFileName(folder) + "/dapi-tool"));
    }

    [SkippableFact]
    public async Task A_credential_helper_on_a_relative_PATH_entry_is_never_run()
    {
        Skip.If(OperatingSystem.IsWindows(), "the helper is a shell script");
        var planted = Plant("docker-credential-desktop");
        _folder.Variables["PATH"] = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetDirectoryName(planted)!);
        _folder.WriteConfig("""{"credsStore": "desktop"}""");

        var error = await Assert.ThrowsAsync<DockerConfigException>(() =>
            RegistryCredentials.StoreAsync(new RegistryCredential("r.example", "user", "the-password"), _folder.Environment));

        Assert.Equal("docker-credential-desktop", error.Origin);
        Assert.Contains("is not in any absolute folder of PATH", error.Message);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(planted)!, "ran")));
        Assert.DoesNotContain("the-password", error.ToString());
    }

    [SkippableFact]
    public async Task A_new_config_is_created_owner_only_and_no_temporary_file_is_left()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        Directory.Delete(_folder.DockerDirectory);

        await RegistryCredentials.StoreAsync(new RegistryCredential("r.example", "user", "pass"), _folder.Environment);

        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
        Assert.Equal(["config.json", "config.json.lock"], Directory.GetFiles(_folder.DockerDirectory).Select(f => Path.GetFileName(f)).Order().ToArray());
    }

    [Fact]
    public async Task Concurrent_logins_keep_each_others_credentials()
    {
        _folder.WriteConfig("""{"auths": {}}""");
        var registries = Enumerable.Range(0, 24).Select(i => $"r{i}.example").ToList();

        await Task.WhenAll(registries.Select(r => Task.Run(() =>
            RegistryCredentials.StoreAsync(new RegistryCredential(r, "user-" + r, "pass"), _folder.Environment))));

        var auths = JsonDocument.Parse(File.ReadAllText(ConfigPath)).RootElement.GetProperty("auths");
        Assert.Equal(registries.Order(), auths.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task A_config_with_a_repeated_key_is_stored_with_the_last_value_as_Go_reads_it()
    {
        _folder.WriteConfig("""{"auths": {"gone.example": {"auth": "eDp5"}}, "auths": {"kept.example": {"auth": "eDp5"}}, "x": 1, "x": {"a": 1, "a": 2}}""");

        await RegistryCredentials.StoreAsync(new RegistryCredential("new.example", "user", "pass"), _folder.Environment);

        var root = JsonDocument.Parse(File.ReadAllText(ConfigPath)).RootElement;
        Assert.Equal(["kept.example", "new.example"], root.GetProperty("auths").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("""{"a":2}""", JsonSerializer.Serialize(root.GetProperty("x")));
    }

    [SkippableFact]
    public async Task A_config_json_that_is_a_link_is_written_through_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges there");
        var real = Path.Combine(_folder.Home, "dotfiles-config.json");
        File.WriteAllText(real, """{"currentContext": "default"}""");
        File.CreateSymbolicLink(ConfigPath, real);

        await RegistryCredentials.StoreAsync(new RegistryCredential("r.example", "user", "pass"), _folder.Environment);

        Assert.NotNull(new FileInfo(ConfigPath).LinkTarget);
        Assert.True(JsonDocument.Parse(File.ReadAllText(real)).RootElement.GetProperty("auths").TryGetProperty("r.example", out _));
    }

    [Theory]
    [InlineData("https://admin:S3cr3t@daemon.example:2376/x")]
    [InlineData("tcp://admin:S3cr3t@daemon.example")]
    [InlineData("ssh://admin:S3cr3t@daemon.example")]
    public void A_password_in_an_endpoint_is_masked_in_the_refusal(string text)
    {
        var error = Assert.Throws<FormatException>(() => DockerEndpoint.Parse(text));

        Assert.Contains("admin:***@daemon.example", error.Message);
        Assert.DoesNotContain("S3cr3t", error.Message);
    }

    [Fact]
    public void A_password_in_a_contexts_host_is_masked_in_its_error()
    {
        _folder.WriteContext("leaky", "https://admin:S3cr3t@daemon.example:2376");

        var error = Assert.Throws<DockerConfigException>(() => DockerContexts.Get("leaky", _folder.Environment));

        Assert.Contains("'https://admin:***@daemon.example:2376'", error.Message);
        Assert.DoesNotContain("S3cr3t", error.ToString());
    }

    [Fact]
    public void A_context_whose_Name_is_not_its_folders_is_refused_rather_than_given_another_contexts_TLS_files()
    {
        _folder.WriteContext("asked", "tcp://10.0.0.1:2376");
        var meta = Path.Combine(_folder.DockerDirectory, "contexts", "meta", DockerContexts.Digest("asked"), "meta.json");
        File.WriteAllText(meta, File.ReadAllText(meta).Replace("\"asked\"", "\"other\""));

        var error = Assert.Throws<DockerConfigException>(() => DockerContexts.Get("asked", _folder.Environment));

        Assert.Contains("the context's Name 'other' is not the one its folder is for", error.Message);
        Assert.Equal(meta, error.Origin);
    }

    [Fact]
    public void An_unknown_context_is_said_to_be_unknown_even_when_another_context_is_broken()
    {
        _folder.WriteContext("good", "tcp://10.0.0.1:2375");
        _folder.WriteContext("broken", "tcp://10.0.0.2:2375");
        File.WriteAllText(Path.Combine(_folder.DockerDirectory, "contexts", "meta", DockerContexts.Digest("broken"), "meta.json"), "{ not json");

        var error = Assert.Throws<DockerConfigException>(() => DockerContexts.Get("missing", _folder.Environment));

        Assert.Contains("there is no docker context 'missing'; the known ones are: default, good", error.Message);
    }

    public void Dispose() => _folder.Dispose();
}
