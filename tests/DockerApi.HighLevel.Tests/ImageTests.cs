using DockerApi.Configuration;
using DockerApi.Requests;

namespace DockerApi.HighLevel.Tests;

/// <summary>Images: tag, list, inspect, history, remove, import on every engine; login, push and pull with layer progress on the CI registry.</summary>
public sealed class ImageTests
{
    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Tag_list_inspect_history_and_remove_an_image(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var images = daemon.Docker.Images;
        var name = $"dockerapi-hl-tag{Guid.NewGuid():N}"[..28] + ":v1";
        if (!await images.ExistsAsync(daemon.Image))
            await images.PullAsync(daemon.Image); // the emulator's registry has it

        await images.TagAsync(daemon.Image, name);
        var source = await images.InspectAsync(daemon.Image);
        var listed = (await images.ListAsync()).Single(i => i.Tags.Contains(name));
        Assert.Equal(source.Id, listed.Id);
        Assert.Equal(source.Id, (await images.InspectAsync(name)).Id);
        Assert.NotEmpty(await images.HistoryAsync(name));
        // 2013's daemon named the image it untagged by its id.
        Assert.Contains(daemon.Is2013 ? $"Untagged: {listed.Id[..12]}" : $"Untagged: {name}", await images.RemoveAsync(name));
        Assert.False(await images.ExistsAsync(name));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.Modern), MemberType = typeof(Engines))]
    public async Task Images_filter_by_reference(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var name = $"dockerapi-hl-filter{Guid.NewGuid():N}"[..28];
        await daemon.Docker.Images.TagAsync(daemon.Image, name + ":x");
        try
        {
            var found = await daemon.Docker.Images.ListAsync(new DockerFilters().Add("reference", name + ":*"));
            // Podman's local names are docker.io/library/…: listed as the docker CLI shows them.
            Assert.Contains(name + ":x", Assert.Single(found).Tags);
        }
        finally
        {
            await daemon.Docker.Images.RemoveAsync(name + ":x");
        }
    }

    [SkippableFact]
    public async Task Login_stores_the_credentials_that_push_and_pull_then_use_with_progress_per_layer()
    {
        // Not on Podman: it reaches a plain-HTTP registry only with a registries.conf entry, which .ci/dockerd does not write.
        var registry = Environment.GetEnvironmentVariable("DOCKERAPI_TEST_REGISTRY");
        Skip.If(string.IsNullOrEmpty(registry), "no CI registry: DOCKERAPI_TEST_REGISTRY is not set (`.ci/dockerd start <dir>` starts one)");
        await using var daemon = await Engines.ConnectAsync("engine");
        var config = Directory.CreateTempSubdirectory("dockerapi-login-").FullName;
        var saved = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        Environment.SetEnvironmentVariable("DOCKER_CONFIG", config);
        try
        {
            // A layer of its own, so that the pull after the removal downloads it.
            var reference = $"{registry}/hl/pushed:{Guid.NewGuid():N}"[..(registry!.Length + 20)];
            var made = await daemon.Docker.Containers.RunAsync(daemon.Image, ["sh", "-c", $"echo {reference} > /layer"], new ContainerOptions { Keep = true });
            await using (var kept = daemon.Docker.Containers.Get(made.Id))
            {
                await kept.CommitAsync(reference);
                await kept.RemoveAsync();
            }
            // Without credentials the registry refuses.
            await Assert.ThrowsAnyAsync<DockerException>(() => daemon.Docker.Images.PushAsync(reference));

            Assert.Contains("Login Succeeded", await daemon.Docker.LoginAsync(new RegistryCredential(registry, "tester", "s3cret")));
            Assert.Contains(registry, await File.ReadAllTextAsync(Path.Combine(config, "config.json")));
            var pushed = new List<PullProgress>();
            await daemon.Docker.Images.PushAsync(reference, new DockerApi.Tests.SyncProgress<PullProgress>(pushed.Add));
            Assert.NotEmpty(pushed);

            await daemon.Docker.Images.RemoveAsync(reference);
            var pulled = new List<PullProgress>();
            await daemon.Docker.Images.PullAsync(reference, new DockerApi.Tests.SyncProgress<PullProgress>(pulled.Add));
            Assert.True(await daemon.Docker.Images.ExistsAsync(reference));
            var layers = pulled.Last().Layers;
            Assert.NotEmpty(layers);
            Assert.All(layers, l => Assert.Contains(l.Status, new[] { "Pull complete", "Already exists" }));
            Assert.Contains(layers, l => l.Status == "Pull complete");
            await daemon.Docker.Images.RemoveAsync(reference);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_CONFIG", saved);
            Directory.Delete(config, recursive: true);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_committed_container_is_an_image_that_runs(string which)
    {
        await using var daemon = await Engines.ConnectAsync(which);
        var name = $"dockerapi-hl-commit{Guid.NewGuid():N}"[..28] + ":1";
        var r = await daemon.Docker.Containers.RunAsync(daemon.Image, ["sh", "-c", "echo committed > /marker"], new ContainerOptions { Keep = true });
        await using (var kept = daemon.Docker.Containers.Get(r.Id))
        {
            await kept.CommitAsync(name);
            await kept.RemoveAsync();
        }
        try
        {
            Assert.Equal("committed\n", (await daemon.Docker.Containers.RunAsync(name, ["cat", "/marker"])).Stdout);
        }
        finally
        {
            await daemon.Docker.Images.RemoveAsync(name);
        }
    }

}
