using DockerApi.BuildKit.Wire.Secrets;
using Google.Protobuf;
using Grpc.Core;

namespace DockerApi.BuildKit.Services;

/// <summary>Answers the engine's <c>GetSecret</c> with the secret of that id, read as it is asked for; an unknown id is NotFound, as BuildKit's own.</summary>
internal sealed class SecretsService(IReadOnlyDictionary<string, BuildSecret> secrets) : Secrets.SecretsBase
{
    public override async Task<GetSecretResponse> GetSecret(GetSecretRequest request, ServerCallContext context)
    {
        if (!secrets.TryGetValue(request.ID, out var secret))
            throw new RpcException(new Status(StatusCode.NotFound, $"secret {request.ID} not found"));
        try
        {
            return new GetSecretResponse { Data = ByteString.CopyFrom(await secret.ReadAsync(context.CancellationToken).ConfigureAwait(false)) };
        }
        catch (DockerConfigException e)
        {
            // The message names the source, never the value.
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
    }
}
