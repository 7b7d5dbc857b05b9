using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DockerApi.Requests;

/// <summary>
/// Values of the <c>X-Registry-Auth</c> header of pull, push and service operations: a JSON AuthConfig encoded
/// base64url (with padding, as the docker CLI sends it).
/// </summary>
public static class RegistryAuth
{
    /// <summary>No credentials (<c>{}</c>): what push needs for a registry without authentication.</summary>
    public const string Anonymous = "e30=";

    /// <summary>Credentials by user name and password, or by an identity token from <c>/auth</c>.</summary>
    /// <param name="username">The user name, or null.</param>
    /// <param name="password">The password, or null.</param>
    /// <param name="serverAddress">The registry, such as <c>127.0.0.1:5000</c>; null for the one in the image name.</param>
    /// <param name="identityToken">The token <c>/auth</c> returned, used instead of a password; or null.</param>
    public static string Encode(string? username, string? password, string? serverAddress = null, string? identityToken = null)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteIfPresent(writer, "username", username);
            WriteIfPresent(writer, "password", password);
            WriteIfPresent(writer, "serveraddress", serverAddress);
            WriteIfPresent(writer, "identitytoken", identityToken);
            writer.WriteEndObject();
        }
        return Encode(buffer.WrittenSpan);
    }

    /// <summary>A generated <c>AuthConfig</c> (or any value), serialized with its reflection-free type info.</summary>
    public static string Encode<T>(T authConfig, JsonTypeInfo<T> typeInfo) =>
        Encode(JsonSerializer.SerializeToUtf8Bytes(authConfig, typeInfo));

    /// <summary>The header value of JSON bytes.</summary>
    public static string Encode(ReadOnlySpan<byte> json) =>
        Convert.ToBase64String(json).Replace('+', '-').Replace('/', '_');

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }
}
