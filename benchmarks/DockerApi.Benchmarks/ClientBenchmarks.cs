using BenchmarkDotNet.Attributes;
using Docker.DotNet;
using V12 = DockerApi.V1_2;
using V141 = DockerApi.V1_41;

namespace DockerApi.Benchmarks;

/// <summary>The clients compared, each over the same canned server: a plain HttpClient, ours (the v1.2 client, and v1.41 where 2013 lacks the call), Docker.DotNet and Docker.DotNet.Enhanced.</summary>
public abstract class ClientBenchmarks
{
    protected CannedServer Server { get; private set; } = null!;
    protected HttpClient Baseline { get; private set; } = null!;
    protected V12.DockerClient Ours { get; private set; } = null!;
    protected V141.DockerClient OursModern { get; private set; } = null!;
    protected DockerClient DockerDotNetClient { get; private set; } = null!;
    protected EnhancedPeer Enhanced { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        Server = new CannedServer();
        Baseline = Baselines.HttpClient(Server.Endpoint);
        Ours = new V12.DockerClient(Server.Endpoint);
        OursModern = new V141.DockerClient(Server.Endpoint);
        DockerDotNetClient = new DockerClientConfiguration(Server.DockerDotNetUri).CreateClient();
        Enhanced = new EnhancedPeer(Server.DockerDotNetUri);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Baseline.Dispose();
        Ours.Dispose();
        OursModern.Dispose();
        DockerDotNetClient.Dispose();
        Enhanced.Dispose();
        Server.Dispose();
    }
}
