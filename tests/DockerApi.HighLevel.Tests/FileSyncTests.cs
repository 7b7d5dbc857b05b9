using System.Security.Cryptography;
using DockerApi.Build;
using DockerApi.BuildKit;
using DockerApi.BuildKit.Services;

namespace DockerApi.HighLevel.Tests;

/// <summary>
/// The build's files sent by BuildKit's file sync (a session's default, as the docker CLI sends a folder): the walk
/// fsutil does, and builds on the CI engine that pull the context and the Dockerfile's folder from the session.
/// </summary>
public sealed class FileSyncTests
{
    private static readonly SyncFilter Everything = new([], [], [], false);

    [Fact]
    public void A_folder_is_walked_depth_first_in_Go_s_byte_order_with_each_folder_before_what_is_in_it()
    {
        var folder = BuildFolders.Context("FROM scratch\n", ("a/x", "1"), ("a.txt", "2"), ("b", "3"), ("B", "4"), ("a/é", "5"), ("a/z", "6"));
        try
        {
            var paths = new SyncedFolder(folder, null).Walk(Everything).Select(e => e.Stat.Path);
            // "a" < "a.txt" as names, and "a/x" is walked inside "a" before "a.txt"; "é" (UTF-8 0xC3…) after "z".
            Assert.Equal(["B", "Dockerfile", "a", "a/x", "a/z", "a/é", "a.txt", "b"], paths);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Stats_carry_Go_s_file_modes_sizes_times_and_links_and_no_owner()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        var folder = BuildFolders.Context("FROM scratch\n", ("bin/tool", "#!/bin/sh\n"));
        try
        {
            File.SetUnixFileMode(Path.Combine(folder, "bin/tool"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetLastWriteTimeUtc(Path.Combine(folder, "bin/tool"), new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc));
            File.CreateSymbolicLink(Path.Combine(folder, "link"), "bin/tool");
            var stats = new SyncedFolder(folder, null).Walk(Everything).ToDictionary(e => e.Stat.Path, e => e.Stat);

            Assert.Equal((1u << 31) | (uint)File.GetUnixFileMode(Path.Combine(folder, "bin")), stats["bin"].Mode);
            Assert.Equal(0x1E4u, stats["bin/tool"].Mode); // 0744
            Assert.Equal(10, stats["bin/tool"].Size);
            Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000, stats["bin/tool"].ModTime);
            Assert.Equal((1u << 27) | 0x1FF, stats["link"].Mode);
            Assert.Equal("bin/tool", stats["link"].Linkname);
            Assert.Equal(0, stats["link"].Size);
            Assert.All(stats.Values, s => Assert.Equal((0u, 0u), (s.Uid, s.Gid)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_context_s_dockerignore_leaves_entries_out_but_sends_the_folders_of_what_an_exception_keeps()
    {
        var folder = BuildFolders.Context("FROM scratch\n", (".dockerignore", "*.log\nbuild\n!build/keep\nDockerfile\n"),
            ("app.log", "x"), ("src/main.c", "x"), ("build/out.o", "x"), ("build/keep", "x"));
        try
        {
            // What the engine asks does not matter while the client has its own exclusions (the docker CLI's rule).
            var engineAsks = new SyncFilter([], ["src"], [], false);
            var paths = new SyncedFolder(folder, DockerIgnore.ForContext(folder, "Dockerfile")).Walk(engineAsks).Select(e => e.Stat.Path);
            Assert.Equal([".dockerignore", "Dockerfile", "build", "build/keep", "src", "src/main.c"], paths);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Include_patterns_and_follow_paths_of_the_engine_send_only_those_and_their_folders()
    {
        var folder = BuildFolders.Context("FROM scratch\n", ("docker/real.Dockerfile", "FROM scratch\n"), ("docker/other", "x"), ("src/a", "x"));
        try
        {
            File.Delete(Path.Combine(folder, "Dockerfile"));
            File.CreateSymbolicLink(Path.Combine(folder, "Dockerfile"), "docker/real.Dockerfile");
            var engineAsks = new SyncFilter(["src/*"], [], ["Dockerfile"], false);
            var paths = new SyncedFolder(folder, null).Walk(engineAsks).Select(e => e.Stat.Path);
            // The link and what it points to (fsutil's FollowLinks), and src/a with its folder.
            Assert.Equal(["Dockerfile", "docker", "docker/real.Dockerfile", "src", "src/a"], paths);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task The_engine_pulls_the_context_and_a_Dockerfile_of_another_folder_honouring_the_dockerignore_and_a_change_reaches_the_next_build()
    {
        await using var daemon = await Engines.ConnectAsync("engine");
        var big = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17); // many DATA packets, the last one short
        var folder = BuildFolders.Context("", (".dockerignore", "*.log\nsecret/\n"), ("app/main.sh", "echo one\n"), ("debug.log", "x"),
            ("secret/key", "k"), ("docker/app.Dockerfile", "FROM test:latest\nCOPY . /ctx\nRUN cd /ctx && find . -type f | sort > /listing && sha256sum big.bin > /big.sum\n"));
        File.Delete(Path.Combine(folder, "Dockerfile"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "big.bin"), big);
        var tag = $"dockerapi-sync-{Guid.NewGuid():N}"[..24] + ":1";
        try
        {
            var options = new BuildOptions { Tag = tag, Network = "none", Dockerfile = "docker/app.Dockerfile", Session = new BuildKitSession() };
            await daemon.Docker.Images.BuildAsync(folder, options);
            var r = await daemon.Docker.Containers.RunAsync(tag, ["sh", "-c", "cat /listing /big.sum /ctx/app/main.sh"]);
            Assert.Equal($"./.dockerignore\n./app/main.sh\n./big.bin\n./docker/app.Dockerfile\n{Convert.ToHexStringLower(SHA256.HashData(big))}  big.bin\necho one\n", r.Stdout);

            // The engine keeps its copy of the folder and asks for what changed: the change must be in the next image.
            await File.WriteAllTextAsync(Path.Combine(folder, "app/main.sh"), "echo two, longer\n");
            await daemon.Docker.Images.BuildAsync(folder, options);
            Assert.Equal("echo two, longer\n", (await daemon.Docker.Containers.RunAsync(tag, ["cat", "/ctx/app/main.sh"])).Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            if (await daemon.Docker.Images.ExistsAsync(tag))
                await daemon.Docker.Images.RemoveAsync(tag, force: true);
        }
    }

    [SkippableFact]
    public async Task Without_file_sync_the_session_build_sends_the_context_as_a_tar_and_gives_the_same_files()
    {
        await using var daemon = await Engines.ConnectAsync("engine");
        var folder = BuildFolders.Context("FROM test:latest\nCOPY . /ctx\nRUN cd /ctx && find . -type f | sort > /listing\n",
            (".dockerignore", "*.log\n"), ("a/b", "x"), ("c.log", "x"));
        var tag = $"dockerapi-tar-{Guid.NewGuid():N}"[..24] + ":1";
        try
        {
            await daemon.Docker.Images.BuildAsync(folder, new BuildOptions { Tag = tag, Network = "none", Session = new BuildKitSession { SyncContext = false } });
            Assert.Equal("./.dockerignore\n./Dockerfile\n./a/b\n", (await daemon.Docker.Containers.RunAsync(tag, ["cat", "/listing"])).Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            if (await daemon.Docker.Images.ExistsAsync(tag))
                await daemon.Docker.Images.RemoveAsync(tag, force: true);
        }
    }
}
