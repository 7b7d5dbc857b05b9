using System.Text;
using DockerApi.Tests;
using DockerApi.Streams;

namespace DockerApi.Runtime.Tests.Streams;

public sealed class MultiplexedStreamTests
{
    internal static byte[] Frame(StdStream target, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var header = new byte[8];
        header[0] = (byte)target;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)payload.Length);
        return [.. header, .. payload];
    }

    [Fact]
    public async Task Keeps_stdout_and_stderr_apart_across_every_boundary()
    {
        byte[] wire = [.. Frame(StdStream.Stdout, "out-line\n"), .. Frame(StdStream.Stderr, "err-line\n"), .. Frame(StdStream.Stdout, "more\n")];
        for (var perRead = 1; perRead <= 9; perRead++)
        {
            var stdout = new MemoryStream();
            var stderr = new MemoryStream();
            await new MultiplexedStream(new TrickleStream(wire, perRead)).CopyOutputToAsync(stdout, stderr);
            Assert.Equal("out-line\nmore\n", Encoding.UTF8.GetString(stdout.ToArray()));
            Assert.Equal("err-line\n", Encoding.UTF8.GetString(stderr.ToArray()));
        }
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 0 }, "inside a frame header")]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 5, (byte)'a' }, "inside a frame, 4 bytes short")]
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o', 0, 0, 0 }, "not a frame header")]
    public async Task Broken_framing_raises_a_protocol_error(byte[] wire, string reason)
    {
        var e = await Assert.ThrowsAsync<DockerProtocolException>(() =>
            new MultiplexedStream(new MemoryStream(wire)).CopyOutputToAsync(Stream.Null, Stream.Null));
        Assert.Contains(reason, e.Message);
    }
}
