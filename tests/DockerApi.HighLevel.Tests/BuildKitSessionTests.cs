using System.Security.Cryptography;
using System.Text;
using DockerApi.Build;
using DockerApi.BuildKit;

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

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
