using DockerApi.Transport;

namespace DockerApi.Engine.Tests;

public abstract class SystemTests(Engine engine)
{
    [SkippableFact]
    public async Task Ping_version_and_info_describe_the_engine()
    {
        var client = engine.Client;

        Assert.Equal("OK", await client.System.PingAsync());
        var version = await client.System.VersionAsync();
        Assert.Equal("1.41", version.ApiVersion);
        // Docker 20.10 goes down to 1.12; Podman 4.3 says 1.24 (and accepts any prefix all the same).
        Assert.Equal(engine.IsPodman ? "1.24" : "1.12", version.MinAPIVersion);
        Assert.Equal("linux", version.Os);
        var info = await client.System.InfoAsync();
        Assert.Equal("vfs", info.Driver);
        Assert.True(info.NCPU > 0);
    }

    [SkippableFact]
    public async Task Negotiation_picks_1_41_of_the_versions_we_generate()
    {
        _ = engine.Client;

        var negotiated = await VersionNegotiation.NegotiateAsync(engine.Endpoint, ["1.0", "1.1", "1.2", "1.41"]);

        Assert.Equal("1.41", negotiated.ApiVersion);
        Assert.Equal("1.41", negotiated.DaemonMaximum);
    }

    [SkippableFact]
    public async Task The_2013_client_gets_the_daemons_clear_too_old_error()
    {
        _ = engine.Client;
        engine.SkipOnPodman("it serves every version prefix, 2013's /v1.2 too, so there is no too-old error to read");
        using var old = new DockerApi.V1_2.DockerClient(engine.Endpoint);

        var e = await Assert.ThrowsAsync<DockerApiException>(() => old.System.VersionAsync());

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
        Assert.StartsWith("client version 1.2 is too old. Minimum supported API version is 1.12", e.DaemonMessage);
    }

    [SkippableFact]
    public async Task A_bounded_events_stream_ends_and_holds_what_happened()
    {
        var client = engine.Client;
        engine.SkipOnPodman("it answers an events request bounded by until with nothing in one run and with the events in the next (the high-level tests say the same)");
        var since = await ServerTimeAsync();
        var id = await engine.CreateAsync(["true"]);
        await client.Containers.DeleteAsync(id);
        var until = await ServerTimeAsync() + 1;

        var actions = new List<string>();
        await foreach (var e in client.System.EventsAsync(since: since.ToString(), until: until.ToString(),
            filters: $$"""{"container":["{{id}}"]}"""))
            actions.Add(e.Action!);

        Assert.Equal(["create", "destroy"], actions);
    }

    [SkippableFact]
    public async Task An_open_events_stream_delivers_as_it_happens_and_stops_when_left()
    {
        var client = engine.Client;
        engine.SkipOnPodman("its events carry no labels, which this stream is filtered by (the high-level tests say the same)");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // a guard, not a synchronisation
        var label = engine.Name("evt");
        // `since` replays what happened after it, so the create below is seen even if the request reaches the daemon after it.
        var since = await ServerTimeAsync();
        await using var events = client.System.EventsAsync(since: since.ToString(), filters: $$"""{"label":["{{label}}"]}""", cancellationToken: cts.Token)
            .GetAsyncEnumerator(cts.Token);
        var first = events.MoveNextAsync().AsTask();

        var id = await engine.CreateAsync(["true"], r => r with { Labels = new Dictionary<string, string>(r.Labels!) { [label] = "" } });

        Assert.True(await first);
        Assert.Equal("create", events.Current.Action);
        Assert.Equal(id, events.Current.Actor!.ID);
    }

    private async Task<long> ServerTimeAsync()
    {
        var info = await engine.Client.System.InfoAsync();
        return DateTimeOffset.Parse(info.SystemTime!).ToUnixTimeSeconds();
    }
}

/// <summary>The cases of <see cref="SystemTests"/> on Docker.</summary>
[Collection(EngineCollection.Name)]
public sealed class DockerSystemTests(DockerEngine engine) : SystemTests(engine);

/// <summary>The cases of <see cref="SystemTests"/> on Podman.</summary>
[Collection(PodmanCollection.Name)]
public sealed class PodmanSystemTests(PodmanEngine engine) : SystemTests(engine);
