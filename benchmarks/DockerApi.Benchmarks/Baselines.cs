using System.Net.Sockets;
using System.Text.Json.Serialization;
using DockerApi.Transport;

namespace DockerApi.Benchmarks;

/// <summary>The hand-written baselines: a plain pooled HttpClient over the same socket.</summary>
internal static class Baselines
{
    public static HttpClient HttpClient(DockerEndpoint endpoint) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) => new NetworkStream(await endpoint.ConnectAsync(ct), ownsSocket: true),
            UseProxy = false,
        })
        {
            BaseAddress = endpoint.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
}

public sealed record VersionDto(string? Version, string? ApiVersion, string? GitCommit, string? GoVersion, string? Os, string? Arch, string? KernelVersion);

public sealed record ContainerDto(string? Id, List<string>? Names, string? Image, string? ImageID, string? Command, long Created, string? State, string? Status,
    long SizeRw, long SizeRootFs, Dictionary<string, string>? Labels);

/// <summary>What a program typically reads of an inspect: the baseline of the concurrency benchmark.</summary>
public sealed record InspectDto(string? Id, DateTimeOffset Created, string? Path, List<string>? Args, InspectStateDto? State, string? Image, string? Name,
    InspectConfigDto? Config);

public sealed record InspectStateDto(string? Status, bool Running, long Pid, long ExitCode, DateTimeOffset StartedAt);

public sealed record InspectConfigDto(string? Hostname, List<string>? Env, List<string>? Cmd, string? Image, Dictionary<string, string>? Labels);

[JsonSerializable(typeof(VersionDto))]
[JsonSerializable(typeof(InspectDto))]
internal sealed partial class BaselineJson : JsonSerializerContext;
