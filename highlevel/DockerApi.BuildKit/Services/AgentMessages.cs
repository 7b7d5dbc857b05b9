using System.Buffers.Binary;

namespace DockerApi.BuildKit.Services;

/// <summary>
/// The ssh agent protocol's framing (a 4-byte big-endian length, then the message, whose first byte is its type) and
/// the read-only rule BuildKit's own forwarding keeps: a build may list the keys and ask for a signature, nothing else.
/// </summary>
internal static class AgentMessages
{
    /// <summary>OpenSSH's agent refuses longer messages too.</summary>
    public const int MaxLength = 256 * 1024;

    private const byte RequestIdentities = 11;
    private const byte SignRequest = 13;

    /// <summary><c>SSH_AGENT_FAILURE</c>, framed: the answer to a refused request.</summary>
    public static readonly byte[] Failure = [0, 0, 0, 1, 5];

    public static bool IsReadOnly(ReadOnlySpan<byte> framed) => framed.Length > 4 && framed[4] is RequestIdentities or SignRequest;

    /// <summary>The message's length from its 4-byte prefix, checked.</summary>
    /// <exception cref="DockerProtocolException">Empty or over <see cref="MaxLength"/>.</exception>
    public static int LengthOf(ReadOnlySpan<byte> prefix)
    {
        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix);
        return length is > 0 and <= MaxLength ? (int)length
            : throw new DockerProtocolException($"an ssh agent message of {length} bytes (1 to {MaxLength})", "ForwardAgent");
    }

    /// <summary>One framed message from <paramref name="stream"/>; null at its end before a message begins.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var prefix = new byte[4];
        var read = await stream.ReadAtLeastAsync(prefix, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
            return null;
        if (read < 4)
            throw new DockerProtocolException("the ssh connection ended inside a message's length", "ForwardAgent");
        var message = new byte[4 + LengthOf(prefix)];
        prefix.CopyTo(message, 0);
        await stream.ReadExactlyAsync(message.AsMemory(4), cancellationToken).ConfigureAwait(false);
        return message;
    }
}
