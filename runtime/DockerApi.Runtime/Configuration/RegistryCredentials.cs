using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DockerApi.Requests;

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
    public static Task<string> ForImageAsync(string image, DockerEnvironment? environment = null, CancellationToken cancellationToken = default) =>
        ForRegistryAsync(RegistryOf(image), environment, cancellationToken);

    /// <summary>The <c>X-Registry-Auth</c> value for <paramref name="registry"/> (<c>127.0.0.1:5000</c>, or <see cref="DockerHubKey"/>).</summary>
    /// <exception cref="DockerConfigException">config.json is bad, or a credential helper is missing or fails.</exception>
    public static async Task<string> ForRegistryAsync(string registry, DockerEnvironment? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var config = DockerConfigFile.Load(environment ?? DockerEnvironment.Current);
        var key = registry is "docker.io" or "index.docker.io" or "registry-1.docker.io" ? DockerHubKey : registry;
        if ((config.CredentialHelper(key) ?? config.CredentialsStore) is { } helper)
            return await FromHelperAsync(helper, key, environment ?? DockerEnvironment.Current, cancellationToken).ConfigureAwait(false);
        var entry = config.Auth(key) ?? config.Auth("https://" + key) ?? config.Auth("http://" + key);
        return entry is { } auth ? FromEntry(auth, key, config.Path) : RegistryAuth.Anonymous;
    }

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

    private static string FromEntry(JsonElement entry, string registry, string path)
    {
        if (DockerConfigFile.String(entry, "identitytoken") is { Length: > 0 } token)
            return RegistryAuth.Encode(null, null, registry, token);
        if (DockerConfigFile.String(entry, "auth") is not { Length: > 0 } auth)
            return RegistryAuth.Anonymous;
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
        return RegistryAuth.Encode(decoded[..colon], decoded[(colon + 1)..], registry);
    }

    private static async Task<string> FromHelperAsync(string helper, string registry, DockerEnvironment environment, CancellationToken cancellationToken)
    {
        var program = "docker-credential-" + helper;
        if (helper.Length == 0 || helper.IndexOfAny(['/', '\\']) >= 0)
            throw new DockerConfigException($"'{helper}' is not a credential helper name", program);
        var start = new ProcessStartInfo(environment.FindProgram(program) ?? program, "get")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{program} did not start");
        }
        catch (Win32Exception e)
        {
            throw new DockerConfigException($"the credential helper {program} could not be run ({e.Message}); is it installed and on PATH?", program, e);
        }
        using (process)
        {
            try
            {
                await process.StandardInput.WriteAsync(registry.AsMemory(), cancellationToken).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The helper ended without reading its input: its exit code says what happened.
            }
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var (stdout, stderr) = (await output.ConfigureAwait(false), await error.ConfigureAwait(false));
            if (process.ExitCode != 0)
            {
                // The protocol's "not found" is no credentials, not an error.
                if ((stdout + stderr).Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
                    return RegistryAuth.Anonymous;
                throw new DockerConfigException($"the credential helper {program} failed for '{registry}' (exit code {process.ExitCode})", program);
            }
            return Parse(stdout, registry, program);
        }
    }

    private static string Parse(string stdout, string registry, string program)
    {
        try
        {
            using var json = JsonDocument.Parse(stdout);
            var username = DockerConfigFile.String(json.RootElement, "Username");
            var secret = DockerConfigFile.String(json.RootElement, "Secret");
            // A helper stores an identity token with the user name "<token>".
            return username == "<token>"
                ? RegistryAuth.Encode(null, null, registry, secret)
                : RegistryAuth.Encode(username, secret, registry);
        }
        catch (JsonException e)
        {
            throw new DockerConfigException($"the credential helper {program} did not answer JSON for '{registry}'", program, e);
        }
    }
}
