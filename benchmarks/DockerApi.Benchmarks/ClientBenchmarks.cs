using BenchmarkDotNet.Attributes;
using Docker.DotNet;
using V12 = DockerApi.V1_2;

namespace DockerApi.Benchmarks;

/// <summary>The three clients compared, each over the same canned server: a plain HttpClient, ours, Docker.DotNet.</summary>
public abstract class ClientBenchmarks
{
    protected CannedServer Server { get; private set; } = null!;
    protected HttpClient Baseline { get; private set; } = null!;
    protected V12.DockerClient Ours { get; private set; } = null!;
    protected DockerClient DockerDotNetClient { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        Server = new CannedServer();
        Baseline = Baselines.HttpClient(Server.Endpoint);
        Ours = new V12.DockerClient(Server.Endpoint);
        DockerDotNetClient = new DockerClientConfiguration(Server.DockerDotNetUri).CreateClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Baseline.Dispose();
        Ours.Dispose();
        DockerDotNetClient.Dispose();
        Server.Dispose();
    }
}
