using System.Net;
using DockerApi.Requests;

namespace DockerApi.Engine.Tests;

/// <summary>Push, pull and login against the registry on 127.0.0.1 that .ci/dockerd starts, with X-Registry-Auth.</summary>
public abstract class RegistryTests(Engine engine)
{
    private string Credentials => RegistryAuth.Encode(Engine.RegistryUser, Engine.RegistryPassword, engine.Registry);

    [SkippableFact]
    public async Task Push_and_pull_with_credentials_and_the_registrys_refusal_without()
    {
        var client = engine.Client;
        engine.SkipOnPodman("its push and pull report in Buildah's words (no \"The push refers to\", \"Pushed\" or digest lines), which this case reads");
        var repository = $"{engine.Registry}/dapi/{engine.Name("pushed")}";
        engine.OwnImage($"{repository}:1");
        // A layer of this run's own, so the push always uploads something (the base layer may be in the registry already).
        var (container, _) = await engine.RunAsync("sh", "-c", $"echo {repository} > /pushed.txt");
        var image = (await client.Images.CommitAsync(container: container, repo: repository, tag: "1")).Id;

        var refused = await Assert.ThrowsAsync<DockerStreamException>(async () =>
        {
            await foreach (var _ in client.Images.PushAsync(repository, RegistryAuth.Anonymous, tag: "1"))
            {
            }
        });
        Assert.Equal("no basic auth credentials", refused.DaemonMessage);

        var pushed = new List<V1_55.PushImageInfo>();
        await foreach (var message in client.Images.PushAsync(repository, Credentials, tag: "1"))
            pushed.Add(message);
        Assert.Equal($"The push refers to repository [{repository}]", pushed[0].Status);
        Assert.Contains(pushed, m => m.Status == "Pushed");
        Assert.Contains(pushed, m => m.Status?.StartsWith("1: digest: sha256:", StringComparison.Ordinal) == true);

        await client.Images.DeleteAsync($"{repository}:1");
        var pulled = new List<V1_55.CreateImageInfo>();
        await foreach (var message in client.Images.CreateAsync(fromImage: repository, tag: "1", xRegistryAuth: Credentials))
            pulled.Add(message);
        Assert.Equal($"Status: Downloaded newer image for {repository}:1", pulled[^1].Status);
        Assert.Equal(image, (await client.Images.InspectAsync($"{repository}:1")).Id);
    }

    [SkippableFact]
    public async Task A_pull_of_a_missing_image_raises_the_registrys_error()
    {
        var client = engine.Client;
        var missing = $"{engine.Registry}/dapi/never-pushed";

        async Task Pull()
        {
            await foreach (var _ in client.Images.CreateAsync(fromImage: missing, tag: "1", xRegistryAuth: Credentials))
            {
            }
        }

        if (engine.IsPodman)
        {
            // Podman answers 200 and reports the failure inside the stream: raised all the same, typed as a stream's error.
            var inStream = await Assert.ThrowsAsync<DockerStreamException>(Pull);
            Assert.Contains("manifest unknown", inStream.DaemonMessage, StringComparison.Ordinal);
            return;
        }
        var e = await Assert.ThrowsAsync<DockerApiException>(Pull);
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal($"manifest for {missing}:1 not found: manifest unknown: manifest unknown", e.DaemonMessage);
    }

    [SkippableFact]
    public async Task Login_succeeds_with_the_users_password_and_fails_with_another()
    {
        var client = engine.Client;
        engine.SkipOnPodman("its /auth reaches a registry over HTTPS only (registries.conf's insecure entry is not read there), and the CI registry speaks plain HTTP");

        var ok = await client.System.AuthAsync(new V1_55.AuthConfig { Username = Engine.RegistryUser, Password = Engine.RegistryPassword, Serveraddress = engine.Registry });
        Assert.Equal("Login Succeeded", ok.Status);

        var e = await Assert.ThrowsAsync<DockerApiException>(() =>
            client.System.AuthAsync(new V1_55.AuthConfig { Username = Engine.RegistryUser, Password = "wrong", Serveraddress = engine.Registry }));
        // dockerd 20.10 relays the registry's refusal as its own 500.
        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Equal($"login attempt to http://{engine.Registry}/v2/ failed with status: 401 Unauthorized", e.DaemonMessage);
    }
}

/// <summary>The cases of <see cref="RegistryTests"/> on Docker.</summary>
[Collection(EngineCollection.Name)]
public sealed class DockerRegistryTests(DockerEngine engine) : RegistryTests(engine);

/// <summary>The cases of <see cref="RegistryTests"/> on Podman.</summary>
[Collection(PodmanCollection.Name)]
public sealed class PodmanRegistryTests(PodmanEngine engine) : RegistryTests(engine);
