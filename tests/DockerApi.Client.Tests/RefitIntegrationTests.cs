using System.Net;
using DockerApi.Tests;
using DockerApi.Transport;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using V12 = DockerApi.V1_2;

namespace DockerApi.Client.Tests;

/// <summary>Refit hands out the generated implementations however a user asks for a client.</summary>
public sealed class RefitIntegrationTests
{
    private const string Containers = "[{\"Id\":\"8dfafdbc3a40aa\",\"Image\":\"base:latest\",\"Command\":\"echo 1 \",\"Created\":1367854155,\"Status\":\"Exit 0\",\"Ports\":\"\",\"SizeRw\":12288,\"SizeRootFs\":0}]";

    private static RawServer ListServer(List<string> seen) => RawServer.KeepAlive(Wire.Unix, r =>
    {
        lock (seen)
            seen.Add(r.Target);
        return Http.Response(200, "OK", Containers, "application/json");
    });

    [Fact]
    public async Task RestService_For_returns_the_generated_implementation()
    {
        var seen = new List<string>();
        await using var server = ListServer(seen);
        using var http = DockerHttpClient.Create(server.Endpoint, "1.2");

        var viaFor = RestService.For<V12.IContainerApi>(http);
        var viaSettings = RestService.For<V12.IContainerApi>(http, new RefitSettings());
        var viaGenerated = RestService.ForGenerated<V12.IContainerApi>(http);

        foreach (var api in new[] { viaFor, viaSettings, viaGenerated })
        {
            Assert.Equal("ContainerApiClient", api.GetType().Name);
            var list = await api.ListAsync(all: true);
            Assert.Equal("8dfafdbc3a40aa", Assert.Single(list).Id);
            Assert.Equal(12288, list[0].SizeRw);
        }
        Assert.All(seen, t => Assert.Equal("/v1.2/containers/json?all=1", t));
    }

    [Fact]
    public async Task AddRefitGeneratedClient_resolves_the_generated_implementation()
    {
        var seen = new List<string>();
        await using var server = ListServer(seen);
        var services = new ServiceCollection();
        services.AddRefitGeneratedClient<V12.IContainerApi>()
            .ConfigureHttpClient(c => c.BaseAddress = server.Endpoint.BaseAddress)
            .ConfigurePrimaryHttpMessageHandler(() => new DockerHttpHandler(server.Endpoint))
            .AddHttpMessageHandler(() => new ApiVersionHandler("1.2"));
        await using var provider = services.BuildServiceProvider();

        var api = provider.GetRequiredService<V12.IContainerApi>();
        var list = await api.ListAsync(limit: 5);

        Assert.Equal("ContainerApiClient", api.GetType().Name);
        Assert.Single(list);
        Assert.Equal("/v1.2/containers/json?limit=5", Assert.Single(seen));
    }

    [Fact]
    public async Task A_path_parameter_is_escaped_not_injected()
    {
        var seen = new List<string>();
        await using var server = RawServer.KeepAlive(Wire.Tcp, r =>
        {
            lock (seen)
                seen.Add(r.Target);
            return Http.Response(404, "Not Found", "No such container: a b/c?d\n");
        });
        using var docker = new V12.DockerClient(server.Endpoint);

        var e = await Assert.ThrowsAsync<DockerApiException>(() => docker.Containers.InspectAsync("a b/c?d"));

        Assert.Equal("/v1.2/containers/a%20b%2Fc%3Fd/json", Assert.Single(seen));
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("No such container: a b/c?d", e.DaemonMessage);
        Assert.Equal("ContainerInspect", e.Operation);
    }

    [Fact]
    public async Task An_empty_id_is_refused_before_anything_is_sent()
    {
        // A 2013 daemon redirects /containers//json to the container list.
        using var docker = new V12.DockerClient(DockerEndpoint.Parse("tcp://127.0.0.1:9"));
        var e = await Assert.ThrowsAsync<ArgumentException>(() => docker.Containers.InspectAsync(""));
        Assert.Equal("id", e.ParamName);
    }
}

/// <summary>A 2013 client pointed at a modern daemon fails with the daemon's own words, never with a parse error.</summary>
public sealed class ModernDaemonTests
{
    [Fact]
    public async Task The_v1_2_client_gets_a_clear_too_old_error_from_dockerd()
    {
        const string tooOld = "client version 1.2 is too old. Minimum supported API version is 1.12, please upgrade your client to a newer version";
        await using var server = DockerApi.Tests.RawServer.KeepAlive(DockerApi.Tests.Wire.Unix, _ => DockerApi.Tests.Http.Response(400, "Bad Request", tooOld + "\n"));
        using var docker = new DockerApi.V1_2.DockerClient(server.Endpoint);

        var e = await Assert.ThrowsAsync<DockerApiException>(() => docker.Containers.ListAsync(all: true));

        Assert.Equal((HttpStatusCode.BadRequest, tooOld), (e.StatusCode, e.DaemonMessage));
        Assert.Equal("ContainerList", e.Operation);
    }
}
