using System.Diagnostics;
using DockerApi.Configuration;
using DockerApi.Requests;
using DockerApi.Streams;
using DockerApi.Tests;
using DockerApi.Transport;
using DockerApi.V1_55;

namespace DockerApi.Engine.Tests;

/// <summary>The engine through TLS, ssh, a context the docker CLI made, and credentials `docker login` stored.</summary>
[Collection(EngineCollection.Name)]
public sealed class RemoteTests(DockerEngine engine)
{
    /// <summary>Create, attach with stdin, half-close, read, wait, logs: through <paramref name="client"/> only.</summary>
    private async Task AttachWithStdinAndLogsAsync(DockerClient client)
    {
        var id = await engine.CreateAsync(["sh", "-c", "read line; echo got:$line"],
            r => r with { OpenStdin = true, StdinOnce = true, AttachStdin = true, AttachStdout = true, AttachStderr = true }, client: client);
        await using (var attached = await client.Containers.AttachAsync(id, stream: true, stdin: true, stdout: true, stderr: true))
        {
            await client.Containers.StartAsync(id);
            await attached.WriteAsync("over-the-wire\n"u8.ToArray());
            attached.CloseWrite();
            Assert.Equal("got:over-the-wire\n", (await new MultiplexedStream(attached).ReadToEndAsync()).Stdout);
        }
        Assert.Equal(0, (await client.Containers.WaitAsync(id)).StatusCode);
        await using var logs = await client.Containers.LogsOutputAsync(id, stdout: true, stderr: true);
        Assert.Equal("got:over-the-wire\n", (await logs.ReadToEndAsync()).Stdout);
    }

    [SkippableFact]
    public async Task Tls_with_a_client_certificate_runs_calls_and_attach_with_stdin()
    {
        using var client = await DockerClient.ConnectAsync(Remote.TlsEndpoint());

        Assert.Equal("1.41", client.Negotiated!.ApiVersion);
        Assert.NotEmpty(await client.Images.ListAsync());
        await AttachWithStdinAndLogsAsync(client);
    }

    [SkippableFact]
    public async Task Tls_pushes_and_pulls_through_the_registry()
    {
        using var client = await DockerClient.ConnectAsync(Remote.TlsEndpoint());
        var repository = engine.OwnImage($"{engine.Registry}/dapi/{engine.Name("tls")}") ;
        var credentials = RegistryAuth.Encode(Engine.RegistryUser, Engine.RegistryPassword, engine.Registry);
        var (container, _) = await engine.RunAsync("sh", "-c", $"echo {repository} > /tls.txt");
        var image = (await client.Images.CommitAsync(container: container, repo: repository, tag: "1")).Id;
        engine.OwnImage($"{repository}:1");

        await foreach (var _ in client.Images.PushAsync(repository, credentials, tag: "1")) { }
        await client.Images.DeleteAsync($"{repository}:1");
        await foreach (var _ in client.Images.CreateAsync(fromImage: repository, tag: "1", xRegistryAuth: credentials)) { }

        Assert.Equal(image, (await client.Images.InspectAsync($"{repository}:1")).Id);
    }

    [SkippableFact]
    public async Task Tls_without_the_client_certificate_says_the_engine_requires_one()
    {
        var certs = Remote.Required(Remote.TlsCertsVariable);
        var endpoint = Remote.TlsEndpoint(new DockerTls(Path.Combine(certs, "ca.pem")));

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => DockerClient.ConnectAsync(endpoint));

        Assert.Contains("client certificate", error.Message);
    }

    [SkippableFact]
    public async Task Ssh_runs_calls_attach_and_logs_and_ends_its_ssh_processes()
    {
        var endpoint = DockerEndpoint.Parse(Remote.Required(Remote.SshVariable));
        var before = DialStdioProcesses();

        using (var client = await DockerClient.ConnectAsync(endpoint))
        {
            Assert.Equal("1.41", client.Negotiated!.ApiVersion);
            Assert.Equal((await engine.Client.System.InfoAsync()).DockerRootDir, (await client.System.InfoAsync()).DockerRootDir);
            await AttachWithStdinAndLogsAsync(client);
            Assert.True(DialStdioProcesses() > before);
        }

        Assert.Equal(before, DialStdioProcesses());
    }

    /// <summary>The ssh processes of this test process that run `docker system dial-stdio`.</summary>
    private static int DialStdioProcesses() =>
        Process.GetProcessesByName("ssh").Count(p =>
        {
            try
            {
                return File.ReadAllText($"/proc/{p.Id}/cmdline").Contains("dial-stdio", StringComparison.Ordinal)
                    && File.ReadAllText($"/proc/{p.Id}/stat").Split(' ')[3] == Environment.ProcessId.ToString();
            }
            catch (IOException)
            {
                return false; // gone meanwhile
            }
        });

    [SkippableFact]
    public async Task A_context_the_docker_CLI_made_is_used_by_name_and_as_the_current_one()
    {
        var host = Remote.Required(Remote.TlsVariable);
        var certs = Remote.Required(Remote.TlsCertsVariable);
        using var config = new Remote.CliConfig();
        await config.DockerAsync(null, "context", "create", "dapi-tls", "--description", "CI engine over TLS", "--docker",
            $"host={host},ca={certs}/ca.pem,cert={certs}/cert.pem,key={certs}/key.pem");
        await config.DockerAsync(null, "context", "use", "dapi-tls");

        var resolved = DockerEndpointResolver.Resolve(environment: config.Environment);
        using var client = await DockerClient.ConnectAsync(resolved.Endpoint);

        Assert.Equal("dapi-tls", resolved.Context);
        Assert.True(resolved.Endpoint.Tls is { Verify: true });
        Assert.Equal("1.41", client.Negotiated!.ApiVersion);
        Assert.Equal("CI engine over TLS", DockerContexts.Get("dapi-tls", config.Environment).Description);

        var (code, stdout, stderr) = await SampleCli.Run(null, "", new Dictionary<string, string> { ["DOCKER_CONFIG"] = config.Folder },
            "--context", "dapi-tls", "run", "test", "echo", "hello");
        Assert.True(code == 0, stderr);
        Assert.Equal("hello\n", stdout);
        var listed = await SampleCli.Run(null, "", new Dictionary<string, string> { ["DOCKER_CONFIG"] = config.Folder }, "context", "ls");
        Assert.Contains("dapi-tls *", listed.Out);
    }

    [SkippableFact]
    public async Task Credentials_stored_by_docker_login_and_by_a_helper_pull_a_private_image()
    {
        var client = engine.Client;
        using var config = new Remote.CliConfig();
        await config.DockerAsync(Engine.RegistryPassword, "-H", engine.Endpoint.ToString(), "login", engine.Registry, "-u", Engine.RegistryUser, "--password-stdin");
        var repository = $"{engine.Registry}/dapi/{engine.Name("login")}";
        var (container, _) = await engine.RunAsync("sh", "-c", $"echo {repository} > /login.txt");
        var image = (await client.Images.CommitAsync(container: container, repo: repository, tag: "1")).Id;
        engine.OwnImage($"{repository}:1");

        var stored = await RegistryCredentials.ForImageAsync($"{repository}:1", config.Environment);
        await foreach (var _ in client.Images.PushAsync(repository, stored, tag: "1")) { }
        await client.Images.DeleteAsync($"{repository}:1");
        await foreach (var _ in client.Images.CreateAsync(fromImage: repository, tag: "1", xRegistryAuth: stored)) { }
        Assert.Equal(image, (await client.Images.InspectAsync($"{repository}:1")).Id);

        // The same registry under a second name, served by a credential helper on PATH (credHelpers).
        var alias = "localhost:" + engine.Registry.Split(':')[1];
        var bin = Path.Combine(config.Folder, "bin");
        Directory.CreateDirectory(bin);
        var helper = Path.Combine(bin, "docker-credential-dapitest");
        await File.WriteAllTextAsync(helper, $"#!/bin/sh\nread server\n[ \"$server\" = \"{alias}\" ] || exit 1\necho '{{\"ServerURL\":\"{alias}\",\"Username\":\"{Engine.RegistryUser}\",\"Secret\":\"{Engine.RegistryPassword}\"}}'\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        config.Variables["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        var json = await File.ReadAllTextAsync(Path.Combine(config.Folder, "config.json"));
        await File.WriteAllTextAsync(Path.Combine(config.Folder, "config.json"), json.TrimEnd().TrimEnd('}') + $",\"credHelpers\":{{\"{alias}\":\"dapitest\"}}}}");
        var aliased = $"{alias}/dapi/{repository.Split('/')[^1]}";
        engine.OwnImage($"{aliased}:1");

        var helped = await RegistryCredentials.ForImageAsync($"{aliased}:1", config.Environment);
        await foreach (var _ in client.Images.CreateAsync(fromImage: aliased, tag: "1", xRegistryAuth: helped)) { }

        Assert.Equal(image, (await client.Images.InspectAsync($"{aliased}:1")).Id);
    }
}
