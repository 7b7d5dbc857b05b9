using System.Text;
using System.Text.Json;
using DockerApi.Requests;
using DockerApi.Transport;

namespace DockerApi.Configuration;

/// <summary>
/// Registry credentials the user already stored with <c>docker login</c>, found as the docker CLI finds them in
/// <c>config.json</c>: <c>credHelpers</c> for the registry, else <c>credsStore</c>, else <c>auths</c> (<c>auth</c> is
/// base64 <c>user:password</c>, or an <c>identitytoken</c>). Helpers speak the <c>docker-credential-&lt;name&gt; get</c>
/// protocol. No secret ever appears in an exception message.
/// </summary>
public static class RegistryCredentials
{
    /// <summary>The key Docker Hub's credentials are stored under.</summary>
    public const string DockerHubKey = "https://index.docker.io/v1/";

    /// <summary>The <c>X-Registry-Auth</c> value for pulling or pushing <paramref name="image"/> (<c>127.0.0.1:5000/app:1</c>, <c>busybox</c>).</summary>
    /// <returns>The stored credentials, encoded; <see cref="RegistryAuth.Anonymous"/> when there are none.</returns>
    /// <exception cref="DockerConfigException">config.json is bad, or a credential helper is missing or fails (named in the message).</exception>
    public static async Task<string> ForImageAsync(string image, DockerEnvironment? environment = null, CancellationToken cancellationToken = default) =>
        (await GetAsync(RegistryOf(image), environment, cancellationToken).ConfigureAwait(false))?.ToHeader() ?? RegistryAuth.Anonymous;

    /// <summary>The <c>X-Registry-Auth</c> value for <paramref name="registry"/> (<c>127.0.0.1:5000</c>, or <see cref="DockerHubKey"/>).</summary>
    /// <exception cref="DockerConfigException">config.json is bad, or a credential helper is missing or fails.</exception>
    public static async Task<string> ForRegistryAsync(string registry, DockerEnvironment? environment = null, CancellationToken cancellationToken = default) =>
        (await GetAsync(registry, environment, cancellationToken).ConfigureAwait(false))?.ToHeader() ?? RegistryAuth.Anonymous;

    /// <summary>The credentials stored for <paramref name="registry"/>, or null when there are none.</summary>
    /// <exception cref="DockerConfigException">config.json is bad, or a credential helper is missing or fails.</exception>
    public static async Task<RegistryCredential?> GetAsync(string registry, DockerEnvironment? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        environment ??= DockerEnvironment.Current;
        var config = DockerConfigFile.Load(environment);
        var key = KeyOf(registry);
        if ((config.CredentialHelper(key) ?? config.CredentialsStore) is { } helper)
        {
            var answer = await CredentialHelper.RunAsync(helper, "get", key, key, environment, cancellationToken).ConfigureAwait(false);
            return answer is null ? null : Parse(answer, key, "docker-credential-" + helper);
        }
        var entry = config.Auth(key) ?? config.Auth("https://" + key) ?? config.Auth("http://" + key);
        return entry is { } auth ? FromEntry(auth, key, config.Path) : null;
    }

    /// <summary>
    /// Stores credentials the docker way (what <c>docker login</c> does after the daemon accepted them): with the
    /// registry's credential helper or <c>credsStore</c> when config.json names one, else in <c>auths</c>.
    /// </summary>
    /// <exception cref="DockerConfigException">config.json is bad or cannot be written, or the helper fails.</exception>
    public static async Task StoreAsync(RegistryCredential credential, DockerEnvironment? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        environment ??= DockerEnvironment.Current;
        var config = DockerConfigFile.Load(environment);
        var key = KeyOf(credential.ServerAddress);
        if ((config.CredentialHelper(key) ?? config.CredentialsStore) is { } helper)
        {
            var json = new System.Text.Json.Nodes.JsonObject
            {
                ["ServerURL"] = key,
                ["Username"] = credential.IdentityToken is null ? credential.Username : "<token>",
                ["Secret"] = credential.IdentityToken ?? credential.Password,
            }.ToJsonString();
            await CredentialHelper.RunAsync(helper, "store", json, key, environment, cancellationToken).ConfigureAwait(false);
            return;
        }
        var entry = credential.IdentityToken is { } token
            ? new System.Text.Json.Nodes.JsonObject { ["auth"] = "", ["identitytoken"] = token }
            : new System.Text.Json.Nodes.JsonObject { ["auth"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}")) };
        await DockerConfigFile.SetAuthAsync(environment, key, entry, cancellationToken).ConfigureAwait(false);
    }

    private static string KeyOf(string registry) => registry is "docker.io" or "index.docker.io" or "registry-1.docker.io" ? DockerHubKey : registry;

    /// <summary>
    /// The registry of an image reference, as the docker CLI reads it: the part before the first <c>/</c> when it has a
    /// <c>.</c> or a <c>:</c> or is <c>localhost</c>; else Docker Hub (<see cref="DockerHubKey"/>).
    /// </summary>
    public static string RegistryOf(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var slash = image.IndexOf('/');
        if (slash > 0)
        {
            var first = image[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost")
                return first;
        }
        return DockerHubKey;
    }

    private static RegistryCredential? FromEntry(JsonElement entry, string registry, string path)
    {
        if (DockerConfigFile.String(entry, "identitytoken") is { Length: > 0 } token)
            return new RegistryCredential(registry, IdentityToken: token);
        if (DockerConfigFile.String(entry, "auth") is not { Length: > 0 } auth)
            return null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
        }
        catch (FormatException e)
        {
            throw new DockerConfigException($"the 'auth' of '{registry}' is not base64", path, e);
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0)
            throw new DockerConfigException($"the 'auth' of '{registry}' is not 'user:password' in base64", path);
        return new RegistryCredential(registry, decoded[..colon], decoded[(colon + 1)..]);
    }

    private static RegistryCredential Parse(string stdout, string registry, string program)
    {
        try
        {
            using var json = JsonDocument.Parse(stdout);
            var username = DockerConfigFile.String(json.RootElement, "Username");
            var secret = DockerConfigFile.String(json.RootElement, "Secret");
            // A helper stores an identity token with the user name "<token>".
            return username == "<token>"
                ? new RegistryCredential(registry, IdentityToken: secret)
                : new RegistryCredential(registry, username, secret);
        }
        catch (JsonException e)
        {
            throw new DockerConfigException($"the credential helper {program} did not answer JSON for '{registry}'", program, e);
        }
    }
}
