using DockerApi.Transport;

namespace DockerApi.Engine.Tests;

/// <summary>The newest client against the CI engine (Docker 20.10): it speaks 1.41 and refuses what 1.41 lacks.</summary>
public abstract class VersionTests(Engine engine)
{
    [SkippableFact]
    public async Task The_newest_client_speaks_the_engines_version()
    {
        var client = engine.Client;
        var version = await client.System.VersionAsync();

        Assert.Equal(V1_55.DockerClient.ApiVersion, client.Negotiated!.ClientVersion);
        Assert.Equal(version.ApiVersion, client.Negotiated.ApiVersion);
    }

    [SkippableFact]
    public async Task An_operation_added_after_the_engines_version_is_refused_before_it_is_sent()
    {
        var client = engine.Client;
        // PUT /volumes/{name} came with API 1.42 (cluster volumes); the engine would answer 404 to /v1.41 if it were sent.
        var error = await Assert.ThrowsAsync<DockerVersionException>(() =>
            client.Volumes.UpdateAsync("dapi-none", version: 1, body: new V1_55.VolumeUpdateRequest()));

        Assert.Equal(("VolumeUpdate", "1.42", client.Negotiated!.ApiVersion), (error.Operation, error.RequiredVersion, error.ApiVersion));
    }
}

/// <summary>The cases of <see cref="VersionTests"/> on Docker.</summary>
[Collection(EngineCollection.Name)]
public sealed class DockerVersionTests(DockerEngine engine) : VersionTests(engine);

/// <summary>The cases of <see cref="VersionTests"/> on Podman.</summary>
[Collection(PodmanCollection.Name)]
public sealed class PodmanVersionTests(PodmanEngine engine) : VersionTests(engine);
