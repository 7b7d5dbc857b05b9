using DockerApi.BuildKit.Wire.Ssh;
using Google.Protobuf;
using Grpc.Core;

namespace DockerApi.BuildKit.Services;

/// <summary>
/// Forwards the build's ssh connections to the agents of the session, one agent connection per forwarded connection
/// (the id in the <c>buildkit.ssh.id</c> header, as BuildKit sends it), each request answered before the next is read.
/// </summary>
internal sealed class SshService(IReadOnlyDictionary<string, SshAgent> agents) : SSH.SSHBase
{
    private const string IdHeader = "buildkit.ssh.id";

    public override Task<CheckAgentResponse> CheckAgent(CheckAgentRequest request, ServerCallContext context) =>
        Task.FromResult(Agent(request.ID) is not null ? new CheckAgentResponse() : throw NotFound(request.ID));

    public override async Task ForwardAgent(IAsyncStreamReader<BytesMessage> requestStream, IServerStreamWriter<BytesMessage> responseStream, ServerCallContext context)
    {
        var id = context.RequestHeaders.GetValue(IdHeader) ?? SshAgent.DefaultId;
        var agent = Agent(id) ?? throw NotFound(id);
        var ct = context.CancellationToken;
        using var socket = await agent.ConnectAsync(ct).ConfigureAwait(false);
        await using var toAgent = new System.Net.Sockets.NetworkStream(socket, ownsSocket: false);
        await using var fromBuild = new ChunkStream(requestStream);
        while (await AgentMessages.ReadAsync(fromBuild, ct).ConfigureAwait(false) is { } request)
        {
            var answer = AgentMessages.Failure;
            if (AgentMessages.IsReadOnly(request))
            {
                await toAgent.WriteAsync(request, ct).ConfigureAwait(false);
                answer = await AgentMessages.ReadAsync(toAgent, ct).ConfigureAwait(false)
                    ?? throw new RpcException(new Status(StatusCode.Unavailable, $"the ssh agent of {id} closed the connection"));
            }
            await responseStream.WriteAsync(new BytesMessage { Data = ByteString.CopyFrom(answer) }, ct).ConfigureAwait(false);
        }
    }

    private SshAgent? Agent(string id) => agents.GetValueOrDefault(string.IsNullOrEmpty(id) ? SshAgent.DefaultId : id);

    private static RpcException NotFound(string id) => new(new Status(StatusCode.NotFound, $"no ssh agent of id {id} in this session"));
}
