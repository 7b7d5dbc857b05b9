using DockerApi.Emulator;

namespace DockerApi.EndToEnd.Tests;

/// <summary>The sample CLI as a user runs it: the README's first command, and each command against an emulator.</summary>
public sealed class SampleCliTests
{
    private static Task<(int Code, string Out, string Err)> Run(string? host, string input, params string[] args) =>
        DockerApi.Tests.SampleCli.Run(host, input, args);

    private static Task<(int Code, string Out, string Err)> Run(string? host, string input, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        DockerApi.Tests.SampleCli.Run(host, input, environment, args);

    [Fact]
    public async Task The_README_command_prints_hello_on_the_embedded_emulator()
    {
        var (code, stdout, stderr) = await Run(null, "", "run", "busybox", "echo", "hello");
        Assert.Equal((0, "hello\n"), (code, stdout));
        Assert.Contains("using the emulated docker 0.4.4 daemon", stderr);
        Assert.Contains("Unable to find image 'busybox' locally", stderr);
    }

    [Fact]
    public async Task Run_propagates_the_exit_code_and_forwards_stdin()
    {
        var failing = await Run(null, "", "run", "busybox", "sh", "-c", "echo out; exit 4");
        Assert.Equal((4, "out\n"), (failing.Code, failing.Out));
        var cat = await Run(null, "typed line\n", "run", "-i", "busybox", "cat");
        Assert.Equal((0, "typed line\n"), (cat.Code, cat.Out));
        // sh with no -c reads its commands from stdin, line by line, until exit or end of input.
        var shell = await Run(null, "echo a && false || echo b\nexit 3\necho never\n", "run", "-i", "busybox", "sh");
        Assert.Equal((3, "a\nb\n"), (shell.Code, shell.Out));
    }

    [Fact]
    public async Task Run_with_rm_and_env_keeps_the_exit_code_and_removes_the_container_and_2013s_missing_options_are_said()
    {
        await using var daemon = await EmulatedDaemon.StartAsync();
        var host = daemon.Endpoint.ToString();

        var run = await Run(host, "", "run", "--rm", "-e", "GREETING=hi", "base", "sh", "-c", "echo $GREETING; exit 7");
        var named = await Run(host, "", "run", "--name", "web", "base", "true");
        var usage = await Run(host, "", "run", "--rm", "--bogus", "base", "true");

        Assert.Equal((7, "hi\n"), (run.Code, run.Out));
        using var client = new DockerApi.V1_2.DockerClient(daemon.Endpoint);
        Assert.Empty(await client.Containers.ListAsync(all: true)); // removed after its wait
        Assert.NotEqual(0, named.Code);
        Assert.Contains("ContainerCreate (name) needs API 1.6", named.Err);
        Assert.Contains("Usage: docker run", usage.Err);
    }

    [SkippableFact]
    public async Task A_login_whose_write_fails_leaves_config_json_whole_and_says_so()
    {
        Skip.If(OperatingSystem.IsWindows(), "ulimit and a shell");
        await using var daemon = await EmulatedDaemon.StartAsync();
        var home = Directory.CreateTempSubdirectory("dapi-login-").FullName;
        try
        {
            var config = Path.Combine(home, ".docker", "config.json");
            Directory.CreateDirectory(Path.GetDirectoryName(config)!);
            var original = "{\"auths\": {\"kept.example\": {\"auth\": \"a2VwdDprZXB0\"}}, \"padding\": \"" + new string('x', 8000) + "\"}";
            File.WriteAllText(config, original);
            var environment = new Dictionary<string, string>
            {
                ["DOCKER_CONFIG"] = Path.GetDirectoryName(config)!,
                // The runtime's W^X double mapping writes a file of its own, which the 4 KiB limit would refuse.
                ["DOTNET_EnableWriteXorExecute"] = "0",
            };

            // A file-size limit of 4 KiB, with SIGXFSZ ignored: the write of the new 8 KB file fails with EFBIG.
            var (code, _, stderr) = await DockerApi.Tests.SampleCli.RunInShell("trap '' XFSZ; ulimit -f 4", home, daemon.Endpoint.ToString(),
                "the-new-password\n", environment, "login", "-u", "newcomer", "--password-stdin");

            Assert.NotEqual(0, code);
            Assert.Contains("the file cannot be written, and was left as it was", stderr);
            Assert.DoesNotContain("the-new-password", stderr);
            Assert.Equal(original, File.ReadAllText(config));
            Assert.Equal(["config.json", "config.json.lock"], Directory.GetFiles(Path.GetDirectoryName(config)!).Select(f => Path.GetFileName(f)).Order().ToArray());
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [SkippableFact]
    public async Task An_ssh_program_in_the_current_directory_is_never_run()
    {
        Skip.If(OperatingSystem.IsWindows(), "a shell script as ssh");
        var folder = Directory.CreateTempSubdirectory("dapi-cwd-").FullName;
        try
        {
            var planted = Path.Combine(folder, "ssh");
            File.WriteAllText(planted, $"#!/bin/sh\ntouch '{Path.Combine(folder, "ran")}'\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(planted, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            // "." and an empty entry both mean the current directory to a shell; neither may be searched.
            var environment = new Dictionary<string, string> { ["PATH"] = "." + Path.PathSeparator + Path.PathSeparator + "/nonexistent-dapi-bin" };

            var (code, _, stderr) = await DockerApi.Tests.SampleCli.RunInShell("true", folder, "ssh://deploy@build.example", "", environment, "version");

            Assert.NotEqual(0, code);
            Assert.False(File.Exists(Path.Combine(folder, "ran")), "the ssh of the current directory ran");
            Assert.Contains("no ssh program in any absolute folder of PATH", stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task What_ssh_says_when_it_fails_reaches_the_user()
    {
        Skip.If(OperatingSystem.IsWindows(), "a shell script as ssh");
        var bin = Directory.CreateTempSubdirectory("dapi-ssh-").FullName;
        try
        {
            var ssh = Path.Combine(bin, "ssh");
            File.WriteAllText(ssh, "#!/bin/sh\necho 'deploy@build.example: Permission denied (publickey).' >&2\nexit 255\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(ssh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var (code, _, stderr) = await Run("ssh://deploy@build.example", "", new Dictionary<string, string> { ["PATH"] = bin }, "version");

            Assert.NotEqual(0, code);
            Assert.Contains("ssh to ssh://deploy@build.example exited with 255: deploy@build.example: Permission denied (publickey).", stderr);
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    [Fact]
    public async Task Every_command_works_against_a_daemon_given_by_host()
    {
        await using var daemon = await EmulatedDaemon.StartAsync();
        var host = daemon.Endpoint.ToString();
        async Task<string> Ok(params string[] args)
        {
            var (code, stdout, stderr) = await Run(host, "", args);
            Assert.True(code == 0, $"docker {string.Join(' ', args)} exited {code}: {stderr}");
            Assert.DoesNotContain("emulated", stderr);
            return stdout;
        }

        var version = await Ok("version");
        Assert.Contains("Client API version: 1.2 (negotiated from 1.2, 1.55)", version);
        Assert.Contains("Server version: 0.4.4", version);
        Assert.Contains("Containers: 0", await Ok("info"));
        await Ok("pull", "base");
        Assert.Contains("base", await Ok("images"));
        var id = (await Ok("run", "-d", "base", "sleep", "100")).Trim();
        Assert.Contains(id[..12], await Ok("ps"));
        await Ok("stop", id);
        Assert.Contains("Exit -1", await Ok("ps", "-a"));
        var echo = (await Ok("run", "-d", "base", "sh", "-c", "echo logged")).Trim();
        await Ok("kill", echo); // stopped already: not an error
        Assert.Equal("logged\n", await Ok("logs", echo));
        Assert.Equal("", await Ok("attach", echo)); // it has ended: the stream ends at once
        Assert.Matches("^[0-9a-f]{12}\n$", await Ok("commit", echo, "me/logged"));
        await Ok("tag", "me/logged", "me/again:v2");
        Assert.Contains("me/again:v2", await Ok("history", "me/again:v2"));
        Assert.Contains("\"Path\": \"sh\"", await Ok("inspect", echo));
        Assert.Contains("\"docker_version\": \"0.4.4\"", await Ok("inspect", "me/logged"));
        Assert.Contains("Untagged: ", await Ok("rmi", "me/again:v2"));
        await Ok("rm", echo, id);

        var directory = Directory.CreateTempSubdirectory("dapi-build-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "Dockerfile"), "FROM base\nADD greeting.txt /greeting.txt\nCMD cat /greeting.txt\n");
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "greeting.txt"), "from the context\n");
            Assert.Contains("Successfully built", await Ok("build", "-t", "me/greeter", directory.FullName));
            Assert.Equal("from the context\n", await Ok("run", "me/greeter"));
            var tar = Path.Combine(directory.FullName, "rootfs.tar");
            await System.Formats.Tar.TarFile.CreateFromDirectoryAsync(directory.FullName, tar + ".tmp", includeBaseDirectory: false);
            File.Move(tar + ".tmp", tar);
            Assert.Matches("^[0-9a-f]{12}\n$", await Ok("import", tar, "me/imported"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        var (code, _, stderr) = await Run(host, "", "rm", "nope");
        Assert.Equal((1, "Error: No such container: nope\n"), (code, stderr));
        var exec = await Run(host, "", "exec", id, "true");
        Assert.Equal((1, "Error: ContainerExec needs API 1.15 or later; this connection speaks API 1.2, so nothing was sent. Upgrade the daemon, or leave the call (or its parameter) out.\n"), (exec.Code, exec.Err));
    }
}
