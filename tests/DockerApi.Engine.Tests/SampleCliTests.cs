using DockerApi.Configuration;
using DockerApi.Tests;

namespace DockerApi.Engine.Tests;

/// <summary>The sample CLI against the real engine: its newest client negotiates down to 1.41 and the same commands work as on the emulator.</summary>
public abstract class SampleCliTests(Engine engine)
{
    private Task<string> Ok(string input, params string[] args) => SampleCli.Succeed(engine.Endpoint.ToString(), input, null, args);

    [SkippableFact]
    public async Task Run_test_echo_hello_works_and_keeps_the_exit_code_stderr_and_stdin()
    {
        _ = engine.Client;
        var before = (await engine.Client.Containers.ListAsync(all: true)).Select(c => c.Id).ToHashSet();
        try
        {
            Assert.Equal("hello\n", await Ok("", "run", "test", "echo", "hello"));
            var failing = await SampleCli.Run(engine.Endpoint.ToString(), "", "run", "test", "sh", "-c", "echo out; echo err >&2; exit 4");
            Assert.Equal((4, "out\n", "err\n"), failing);
            Assert.Equal("typed line\n", await Ok("typed line\n", "run", "-i", "test", "cat"));
            Assert.Equal("tty\r\n", await Ok("", "run", "-t", "test", "echo", "tty"));
        }
        finally
        {
            foreach (var container in await engine.Client.Containers.ListAsync(all: true))
            {
                if (!before.Contains(container.Id))
                    await engine.Client.Containers.DeleteAsync(container.Id!, force: true);
            }
        }
    }

    [SkippableFact]
    public async Task Run_takes_rm_env_name_and_network_as_the_docker_CLI_spells_them_and_keeps_the_exit_code()
    {
        _ = engine.Client;
        var name = engine.Name("rm");

        var run = await SampleCli.Run(engine.Endpoint.ToString(), "", "run", "--rm", "-e", "GREETING=hello", "--env=OTHER=world", "--name", name,
            "--network", "none", "test", "sh", "-c", "echo $GREETING $OTHER; cat /etc/hostname >/dev/null; exit 7");

        Assert.Equal((7, "hello world\n", ""), run);
        Assert.DoesNotContain(await engine.Client.Containers.ListAsync(all: true), c => c.Names?.Contains("/" + name) == true);
    }

    [SkippableFact]
    public async Task Every_command_works_on_the_modern_engine()
    {
        _ = engine.Client;
        var name = engine.Name("cli");
        engine.OwnImage($"{name}:built");
        engine.OwnImage($"{name}:committed");
        engine.OwnImage($"{name}:imported");

        var version = await Ok("", "version");
        Assert.Contains($"Client API version: 1.41 (negotiated from 1.2, 1.55; the daemon supports {(engine.IsPodman ? "1.24" : "1.12")}–1.41)", version);
        Assert.Contains(engine.IsPodman ? "Server version: 4.3" : "Server version: 20.10", version);
        Assert.Contains("Storage driver: vfs", await Ok("", "info"));
        Assert.Contains("test", await Ok("", "images"));

        var id = (await Ok("", "run", "-d", "test", "sleep", "300")).Trim();
        try
        {
            Assert.Matches("^[0-9a-f]{64}$", id);
            Assert.Contains(id[..12], await Ok("", "ps"));
            var exec = await SampleCli.Run(engine.Endpoint.ToString(), "from stdin\n", "exec", "-i", id, "sh", "-c", "cat; echo err >&2; exit 5");
            Assert.Equal((5, "from stdin\n", "err\n"), exec);
            await Ok("", "stop", id);
            Assert.Contains("Exited (", await Ok("", "ps", "-a"));
            Assert.Contains("\"Path\": \"sleep\"", await Ok("", "inspect", id));

            var echo = (await Ok("", "run", "-d", "test", "sh", "-c", "echo logged; echo to-stderr >&2")).Trim();
            await engine.Client.Containers.WaitAsync(echo);
            var logs = await SampleCli.Run(engine.Endpoint.ToString(), "", "logs", echo);
            Assert.Equal((0, "logged\n", "to-stderr\n"), logs);
            Assert.Matches("^sha256:[0-9a-f]{64}\n$", await Ok("", "commit", echo, $"{name}:committed"));
            await Ok("", "tag", $"{name}:committed", $"{name}:again");
            var history = await Ok("", "history", $"{name}:again");
            // Podman's history names no tags (its Tags are null on every layer); Docker's names them on the top one.
            if (!engine.IsPodman)
                Assert.Contains($"{name}:again", history);
            Assert.Equal([$"Untagged: {name}:again"], (await Ok("", "rmi", $"{name}:again")).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            await Ok("", "rm", echo);

            var directory = Directory.CreateTempSubdirectory("dapi-build-");
            try
            {
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, "Dockerfile"), "FROM test\nCOPY greeting.txt /greeting.txt\nCMD [\"cat\", \"/greeting.txt\"]\n");
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, "greeting.txt"), "from the context\n");
                Assert.Contains($"Successfully tagged {name}:built", await Ok("", "build", "-t", $"{name}:built", directory.FullName));
                var greeter = (await Ok("", "run", "-d", $"{name}:built")).Trim();
                await engine.Client.Containers.WaitAsync(greeter);
                Assert.Equal("from the context\n", await Ok("", "logs", greeter));
                await Ok("", "rm", greeter);
            }
            finally
            {
                directory.Delete(recursive: true);
            }

            Assert.Matches("^sha256:[0-9a-f]{64}\n$", await Ok("", "import", engine.RootfsTar, $"{name}:imported"));

            var (code, _, stderr) = await SampleCli.Run(engine.Endpoint.ToString(), "", "rm", "dapi-nope");
            // The daemon's own words, as the docker CLI prints them.
            Assert.Equal((1, engine.IsPodman ? "Error: no container with name or ID \"dapi-nope\" found: no such container\n" : "Error: No such container: dapi-nope\n"), (code, stderr));
        }
        finally
        {
            await engine.Client.Containers.DeleteAsync(id, force: true);
        }
    }

    [SkippableFact]
    public async Task Push_and_pull_go_through_the_CI_registry_with_the_stored_credentials()
    {
        _ = engine.Client;
        using var config = new Remote.CliConfig();
        var environment = new Dictionary<string, string> { ["DOCKER_CONFIG"] = config.Folder };
        var host = engine.Endpoint.ToString();
        var image = engine.OwnImage($"{engine.Registry}/dapi/{engine.Name("cli")}:1");
        Task<string> Cli(string input, params string[] args) => SampleCli.Succeed(host, input, environment, args);
        // Podman's /auth reaches a registry over HTTPS only, and the CI registry speaks plain HTTP: there the credentials
        // are stored as `docker login` stores them, and push and pull send them as on Docker.
        if (engine.IsPodman)
            await RegistryCredentials.StoreAsync(new RegistryCredential(engine.Registry, Engine.RegistryUser, Engine.RegistryPassword), config.Environment);
        else
            Assert.Equal("Login Succeeded\n", await Cli(Engine.RegistryPassword + "\n", "login", engine.Registry, "-u", Engine.RegistryUser, "--password-stdin"));
        Assert.NotNull((await RegistryCredentials.GetAsync(engine.Registry, config.Environment))?.Password);

        await Cli("", "tag", Engine.Image, image);
        await Cli("", "push", image);
        await Cli("", "rmi", image);
        Assert.False(await Exists(image));
        await Cli("", "pull", image);
        Assert.True(await Exists(image));
        Assert.Equal("pulled\n", await Cli("", "run", "--rm", image, "echo", "pulled"));
    }

    private async Task<bool> Exists(string image)
    {
        try
        {
            await engine.Client.Images.InspectAsync(image);
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    [SkippableFact]
    public async Task Build_with_BuildKit_shows_its_steps_honours_dockerignore_and_a_failing_RUN_tags_nothing()
    {
        _ = engine.Client;
        engine.SkipOnPodman("it builds with Buildah, not BuildKit: there is no POST /session for the secret, nor BuildKit's steps to show");
        var name = engine.Name("bk");
        engine.OwnImage($"{name}:ok");
        var buildKit = new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" };
        var directory = Directory.CreateTempSubdirectory("dapi-bk-");
        // The secret lives outside the context; the Dockerfile holds only its hash.
        var secretFile = Path.Combine(Path.GetTempPath(), $"dapi-secret-{Guid.NewGuid():N}");
        var secret = $"cli secret {Guid.NewGuid():N}";
        File.WriteAllText(secretFile, secret);
        var secretHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "Dockerfile"),
                "FROM test:latest\nARG WHO\nRUN --mount=type=cache,target=/cache echo $WHO > /cache/who && cp /cache/who /who\nCOPY . /ctx\n"
                + $"RUN --mount=type=secret,id=token test \"$(sha256sum < /run/secrets/token | cut -d' ' -f1)\" = {secretHash}\n");
            File.WriteAllText(Path.Combine(directory.FullName, "kept.txt"), "kept");
            File.WriteAllText(Path.Combine(directory.FullName, "left-out.txt"), "not sent");
            File.WriteAllText(Path.Combine(directory.FullName, ".dockerignore"), "left-out.txt\n");

            var (code, output, error) = await SampleCli.Run(engine.Endpoint.ToString(), "", buildKit, "build", "-t", $"{name}:ok", "--build-arg", "WHO=cli",
                "--network=none", "--secret", $"id=token,src={secretFile}", "--progress", "plain", directory.FullName);
            Assert.True(code == 0, error);
            Assert.Matches(@"(?m)^#\d+ \[stage-0 \d/\d\] RUN --mount=type=secret", output);
            Assert.DoesNotContain(secret, await Ok("", "history", $"{name}:ok"));
            Assert.Matches(@"(?m)^#\d+ \[stage-0 \d/\d\] RUN --mount=type=cache", output);
            Assert.Matches(@"(?m)^#\d+ DONE \d+\.\ds$", output);
            Assert.Equal("cli\n.dockerignore\nDockerfile\nkept.txt\n", await Ok("", "run", "--rm", $"{name}:ok", "sh", "-c", "cat /who; ls -A /ctx"));

            // The same build drawn as on a terminal: every step from the cache now, shown as the docker CLI's tty progress ends.
            var drawn = await SampleCli.Run(engine.Endpoint.ToString(), "", buildKit, "build", "-t", $"{name}:ok", "--build-arg", "WHO=cli",
                "--network=none", "--secret", $"id=token,src={secretFile}", "--progress", "tty", directory.FullName);
            Assert.True(drawn.Code == 0, drawn.Err);
            Assert.Matches(@"(?m)^\[\+\] Building \d+\.\ds \((\d+)/\1\)", drawn.Out);
            Assert.Matches(@"(?m)^=> CACHED \[stage-0 \d/\d\] RUN --mount=type=cache", drawn.Out);

            File.WriteAllText(Path.Combine(directory.FullName, "Dockerfile"), "FROM test:latest\nRUN echo going down; exit 3\n");
            var failed = await SampleCli.Run(engine.Endpoint.ToString(), "", buildKit, "build", "-t", $"{name}:failed", "--network", "none", directory.FullName);
            Assert.NotEqual(0, failed.Code);
            Assert.Contains("exit code: 3", failed.Err);
            Assert.Contains("going down", failed.Out + failed.Err);
            Assert.DoesNotContain(await engine.Client.Images.ListAsync(), i => i.RepoTags.Contains($"{name}:failed"));
        }
        finally
        {
            directory.Delete(recursive: true);
            File.Delete(secretFile);
        }
    }
}

/// <summary>The cases of <see cref="SampleCliTests"/> on Docker.</summary>
[Collection(EngineCollection.Name)]
public sealed class DockerSampleCliTests(DockerEngine engine) : SampleCliTests(engine);

/// <summary>The cases of <see cref="SampleCliTests"/> on Podman.</summary>
[Collection(PodmanCollection.Name)]
public sealed class PodmanSampleCliTests(PodmanEngine engine) : SampleCliTests(engine);
