using System.Security.Cryptography;
using System.Text;
using DockerApi.Build;
using DockerApi.BuildKit;
using DockerApi.Configuration;

namespace DockerApi.HighLevel.Tests;

/// <summary>BuildKit builds with a session (DockerApi.BuildKit): secrets, ssh forwarding, stored credentials, and what goes wrong.</summary>
public sealed class BuildKitSessionTests
{
    [SkippableFact]
    public async Task A_secret_from_a_file_and_one_from_the_environment_are_mounted_for_one_RUN_and_are_nowhere_in_the_image()
    {
        await using var daemon = await Engines.ConnectAsync("engine");
        var fileSecret = $"file secret {Guid.NewGuid():N}";
        var envSecret = $"env secret {Guid.NewGuid():N}";
        var variable = "DAPI_TEST_SECRET_" + Guid.NewGuid().ToString("N")[..8];
        var folder = BuildFolders.Context($"""
            FROM test:latest
            RUN --mount=type=secret,id=token --mount=type=secret,id=api,required=true \
                test "$(sha256sum < /run/secrets/token | cut -d' ' -f1)" = "{Sha256(fileSecret)}" && \
                test "$(sha256sum < /run/secrets/api | cut -d' ' -f1)" = "{Sha256(envSecret)}" && echo checked > /checked
            """, ("token.txt", fileSecret));
        var tag = $"dockerapi-bks-{Guid.NewGuid():N}"[..24] + ":1";
        Environment.SetEnvironmentVariable(variable, envSecret);
        try
        {
            var session = new BuildKitSession
            {
                Secrets = [BuildSecret.FromFile("token", Path.Combine(folder, "token.txt")), BuildSecret.FromEnvironment("api", variable)],
            };
            await daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Tag = tag, Network = "none", Session = session });

            var r = await daemon.Docker.Containers.RunAsync(tag, ["sh", "-c", "cat /checked; ls /run/secrets 2>/dev/null | wc -l"]);
            Assert.Equal("checked\n0\n", r.Stdout);
            var history = await daemon.Docker.Images.HistoryAsync(tag);
            Assert.DoesNotContain(history, layer => layer.CreatedBy.Contains(fileSecret) || layer.CreatedBy.Contains(envSecret));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
            Directory.Delete(folder, recursive: true);
            if (await daemon.Docker.Images.ExistsAsync(tag))
                await daemon.Docker.Images.RemoveAsync(tag, force: true);
        }
    }

    [SkippableFact]
    public async Task A_private_base_image_is_pulled_with_the_credentials_docker_login_stored()
    {
        var registry = Environment.GetEnvironmentVariable("DOCKERAPI_TEST_REGISTRY");
        Skip.If(string.IsNullOrEmpty(registry), "no CI registry: DOCKERAPI_TEST_REGISTRY is not set (`.ci/dockerd start <dir>` starts one)");
        await using var daemon = await Engines.ConnectAsync("engine");
        var config = Directory.CreateTempSubdirectory("dockerapi-bk-login-").FullName;
        var saved = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        Environment.SetEnvironmentVariable("DOCKER_CONFIG", config);
        var reference = $"{registry}/hl/private-base:{Guid.NewGuid():N}"[..(registry!.Length + 26)];
        var folder = BuildFolders.Context($"FROM {reference}\nRUN cat /layer > /seen\n");
        var tag = $"dockerapi-bkpriv-{Guid.NewGuid():N}"[..24] + ":1";
        try
        {
            var made = await daemon.Docker.Containers.RunAsync(daemon.Image, ["sh", "-c", $"echo {reference} > /layer"], new ContainerOptions { Keep = true });
            await using (var kept = daemon.Docker.Containers.Get(made.Id))
            {
                await kept.CommitAsync(reference);
                await kept.RemoveAsync();
            }
            await daemon.Docker.LoginAsync(new RegistryCredential(registry, "tester", "s3cret"));
            await daemon.Docker.Images.PushAsync(reference);
            await daemon.Docker.Images.RemoveAsync(reference);

            // Without the credentials the registry refuses BuildKit's pull: the session is what brings them.
            await Assert.ThrowsAsync<DockerStreamException>(() => daemon.Docker.Images.BuildAsync(folder,
                new BuildOptions { Network = "none", Session = new BuildKitSession { RegistryCredentials = false } }));
            await daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Tag = tag, Network = "none", Session = new BuildKitSession() });

            var r = await daemon.Docker.Containers.RunAsync(tag, ["cat", "/seen"]);
            Assert.Equal(reference + "\n", r.Stdout);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_CONFIG", saved);
            Directory.Delete(config, recursive: true);
            Directory.Delete(folder, recursive: true);
            foreach (var image in new[] { tag, reference })
                if (await daemon.Docker.Images.ExistsAsync(image))
                    await daemon.Docker.Images.RemoveAsync(image, force: true);
        }
    }

    [SkippableFact]
    public async Task A_secret_that_cannot_be_read_is_a_config_error_before_anything_is_sent()
    {
        await using var daemon = await Engines.ConnectAsync("engine");
        var folder = BuildFolders.Context("FROM test:latest\nRUN --mount=type=secret,id=gone cat /run/secrets/gone\n");
        try
        {
            var missing = Path.Combine(folder, "no-such-file");
            var session = new BuildKitSession { Secrets = [BuildSecret.FromFile("gone", missing)] };
            var error = await Assert.ThrowsAsync<DockerConfigException>(() =>
                daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Network = "none", Session = session }));
            Assert.Contains("'gone'", error.Message);
            Assert.Contains(missing, error.Message);
            Assert.IsType<FileNotFoundException>(error.InnerException);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_secret_the_session_does_not_have_fails_the_step_that_requires_it()
    {
        await using var daemon = await Engines.ConnectAsync("engine");
        var folder = BuildFolders.Context("FROM test:latest\nRUN --mount=type=secret,id=absent,required=true cat /run/secrets/absent\n");
        try
        {
            var session = new BuildKitSession { Secrets = [BuildSecret.FromEnvironment("other", "PATH")] };
            var error = await Assert.ThrowsAsync<DockerStreamException>(() =>
                daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Network = "none", Session = session }));
            Assert.Contains("absent", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task An_ssh_agent_is_forwarded_read_only_to_a_RUN_that_mounts_it()
    {
        Skip.IfNot(File.Exists("/usr/bin/ssh-agent") && File.Exists("/usr/bin/ssh-add"), "openssh-client is not installed (.ci/dockerd installs it)");
        await using var daemon = await Engines.ConnectAsync("engine");
        // The test image has no ssh client: the host's ssh-add and its libraries go in the context, bind-mounted for the step.
        var folder = BuildFolders.Context("""
            FROM test:latest
            RUN --mount=type=bind,source=tools,target=/tools --mount=type=ssh \
                /tools/ld.so --library-path /tools /tools/ssh-add -l > /keys && \
                if /tools/ld.so --library-path /tools /tools/ssh-add -D; then echo deleted >> /keys; fi
            """);
        await using var agent = await SshAgentProcess.StartAsync(folder);
        CopyWithLibraries("/usr/bin/ssh-add", Path.Combine(folder, "tools"));
        var tag = $"dockerapi-bkssh-{Guid.NewGuid():N}"[..24] + ":1";
        try
        {
            var session = new BuildKitSession { SshAgents = [SshAgent.At(SshAgent.DefaultId, agent.Socket)] };
            await daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Tag = tag, Network = "none", Session = session });

            var r = await daemon.Docker.Containers.RunAsync(tag, ["cat", "/keys"]);
            Assert.Contains("dapi-test-key", r.Stdout);
            Assert.DoesNotContain("deleted", r.Stdout);
            Assert.Contains("dapi-test-key", await agent.ListAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            if (await daemon.Docker.Images.ExistsAsync(tag))
                await daemon.Docker.Images.RemoveAsync(tag, force: true);
        }
    }

    [SkippableFact]
    public async Task An_ssh_agent_that_does_not_answer_is_a_config_error_before_anything_is_sent()
    {
        await using var daemon = await Engines.ConnectAsync("engine");
        var folder = BuildFolders.Context("FROM test:latest\nRUN --mount=type=ssh true\n");
        try
        {
            var session = new BuildKitSession { SshAgents = [SshAgent.At("default", Path.Combine(folder, "no-agent.sock"))] };
            var error = await Assert.ThrowsAsync<DockerConfigException>(() =>
                daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Network = "none", Session = session }));
            Assert.Contains("no ssh agent answers", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_session_whose_connection_closes_mid_build_ends_the_build_with_a_connection_error_and_tags_nothing()
    {
        await using var daemon = await Engines.ConnectAsync("engine");
        var folder = BuildFolders.Context("FROM test:latest\nRUN sleep 60\n");
        var tag = $"dockerapi-bkcut-{Guid.NewGuid():N}"[..24] + ":1";
        try
        {
            var error = await Assert.ThrowsAsync<DockerConnectionException>(() =>
                daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Tag = tag, Network = "none", Session = new ClosingSession() }));
            Assert.Contains("session", error.Message);
            Assert.False(await daemon.Docker.Images.ExistsAsync(tag));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A session that closes its connection at once, as a client that dies would.</summary>
    private sealed class ClosingSession : BuildSession
    {
        protected internal override IReadOnlyList<string> Methods => [];

        protected internal override Task PrepareAsync(string directory, string dockerfile, CancellationToken cancellationToken) => Task.CompletedTask;

        protected internal override async Task ServeAsync(Stream connection, string directory, string dockerfile, CancellationToken cancellationToken) =>
            await connection.DisposeAsync();
    }

    /// <summary>A program and the libraries <c>ldd</c> names, flat in <paramref name="target"/>, the loader as <c>ld.so</c>.</summary>
    private static void CopyWithLibraries(string program, string target)
    {
        Directory.CreateDirectory(target);
        File.Copy(program, Path.Combine(target, Path.GetFileName(program)));
        var ldd = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/ldd", [program]) { RedirectStandardOutput = true })!;
        var output = ldd.StandardOutput.ReadToEnd();
        ldd.WaitForExit();
        foreach (var word in output.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.StartsWith('/')))
            File.Copy(word, Path.Combine(target, word.Contains("ld-linux") ? "ld.so" : Path.GetFileName(word)), overwrite: true);
    }

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
