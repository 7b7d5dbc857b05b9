using DockerApi.Requests;

namespace DockerApi.Configuration;

/// <summary>Credentials for one registry: a user and password, or an identity token. <see cref="ToString"/> shows neither secret.</summary>
/// <param name="ServerAddress">The registry (<c>127.0.0.1:5000</c>, or <see cref="RegistryCredentials.DockerHubKey"/>).</param>
/// <param name="Username">The user name, or null with an identity token.</param>
/// <param name="Password">The password, or null.</param>
/// <param name="IdentityToken">A token the registry gave (<c>/auth</c>, a helper's <c>&lt;token&gt;</c>), used instead of a password; or null.</param>
public sealed record RegistryCredential(string ServerAddress, string? Username = null, string? Password = null, string? IdentityToken = null)
{
    /// <summary>The <c>X-Registry-Auth</c> header value of these credentials.</summary>
    public string ToHeader() => RegistryAuth.Encode(Username, Password, ServerAddress, IdentityToken);

    /// <inheritdoc />
    public override string ToString() =>
        $"RegistryCredential {{ ServerAddress = {ServerAddress}, Username = {Username}, Password = {(Password is null ? "" : "***")}, IdentityToken = {(IdentityToken is null ? "" : "***")} }}";
}
