using DockerApi.BuildKit.Wire.Auth;
using DockerApi.Configuration;
using DockerApi.Transport;
using Grpc.Core;

namespace DockerApi.BuildKit.Services;

/// <summary>
/// Answers the engine's <c>Credentials</c> for a registry host with what <c>docker login</c> stored for it (a user and
/// password, or an identity token with no user, as BuildKit's own provider does); none: empty, which pulls anonymously.
/// </summary>
internal sealed class AuthService(DockerEnvironment environment) : Auth.AuthBase
{
    public override async Task<CredentialsResponse> Credentials(CredentialsRequest request, ServerCallContext context)
    {
        // BuildKit names Docker Hub by the host it pulls from; the docker CLI stores it under its old index address.
        var registry = request.Host is "registry-1.docker.io" or "docker.io" or "index.docker.io" ? RegistryCredentials.DockerHubKey : request.Host;
        RegistryCredential? stored;
        try
        {
            stored = await RegistryCredentials.GetAsync(registry, environment, context.CancellationToken).ConfigureAwait(false);
        }
        catch (DockerConfigException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
        return stored switch
        {
            null => new CredentialsResponse(),
            { IdentityToken: { Length: > 0 } token } => new CredentialsResponse { Secret = token },
            _ => new CredentialsResponse { Username = stored.Username ?? "", Secret = stored.Password ?? "" },
        };
    }
}
