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

    [Fact]
    public async Task Lines_of_each_stream_are_kept_whole_across_frames_and_reads()
    {
        // "é" split between two frames, a line of stdout split around a stderr frame, \r\n, a last line without a break.
        var e = Encoding.UTF8.GetBytes("é");
        byte[] wire = [.. Frame(StdStream.Stdout, "caf"), .. Header(StdStream.Stdout, 1), e[0], .. Frame(StdStream.Stderr, "warn"),
            .. Header(StdStream.Stdout, 2), e[1], (byte)'\n', .. Frame(StdStream.Stderr, "ing\r\nfatal"), .. Frame(StdStream.Stdout, "one\ntwo")];
        for (var perRead = 1; perRead <= 9; perRead++)
        {
            var lines = new List<OutputLine>();
            await foreach (var line in new MultiplexedStream(new TrickleStream(wire, perRead)).ReadLinesAsync())
                lines.Add(line);
            Assert.Equal(
            [
                new(StdStream.Stdout, "café"), new(StdStream.Stderr, "warning"), new(StdStream.Stdout, "one"),
                new(StdStream.Stdout, "two"), new(StdStream.Stderr, "fatal"),
            ], lines);
        }
    }

    [Fact]
    public async Task A_stream_view_of_stdout_reads_only_stdout_and_hands_stderr_on()
    {
        byte[] wire = [.. Frame(StdStream.Stdout, "tar-bytes-1 "), .. Frame(StdStream.Stderr, "warning\n"), .. Frame(StdStream.Stdout, "tar-bytes-2")];
        for (var perRead = 1; perRead <= 9; perRead++)
        {
            var stderr = new MemoryStream();
            await using var view = new MultiplexedStream(new TrickleStream(wire, perRead)).AsStream(others: stderr);
            var stdout = new MemoryStream();
            await view.CopyToAsync(stdout);
            Assert.Equal("tar-bytes-1 tar-bytes-2", Encoding.UTF8.GetString(stdout.ToArray()));
            Assert.Equal("warning\n", Encoding.UTF8.GetString(stderr.ToArray()));
        }
        var errors = new StreamReader(new MultiplexedStream(new MemoryStream(wire)).AsStream(StdStream.Stderr));
        Assert.Equal("warning\n", await errors.ReadToEndAsync());
    }

    [Fact]
    public async Task A_line_without_breaks_is_delivered_in_bounded_pieces()
    {
        var text = new string('x', MultiplexedStream.MaxLineLength * 2 + 5);
        var lines = new List<OutputLine>();
        await foreach (var line in new MultiplexedStream(new MemoryStream(Frame(StdStream.Stdout, text))).ReadLinesAsync())
            lines.Add(line);
        Assert.Equal([MultiplexedStream.MaxLineLength, MultiplexedStream.MaxLineLength, 5], lines.Select(l => l.Text.Length));
    }

    [Fact]
    public async Task With_a_tty_every_byte_is_stdout_and_nothing_is_taken_for_a_header()
    {
        var wire = "\u0001\0\0\0tty-out\r\ntty-err\r\n"u8.ToArray();
        var (stdout, stderr) = await new MultiplexedStream(new TrickleStream(wire, 3), tty: true).ReadToEndAsync();
        Assert.Equal("\u0001\0\0\0tty-out\r\ntty-err\r\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Read_to_end_keeps_stdout_and_stderr_apart()
    {
        byte[] wire = [.. Frame(StdStream.Stdout, "a\n"), .. Frame(StdStream.Stderr, "b\n"), .. Frame(StdStream.SystemError, "oci\n"), .. Frame(StdStream.Stdout, "c")];
        var (stdout, stderr) = await new MultiplexedStream(new MemoryStream(wire)).ReadToEndAsync();
        Assert.Equal("a\nc", stdout);
        Assert.Equal("b\noci\n", stderr);
    }

    [Fact]
    public async Task Reading_lines_honours_cancellation_on_a_stalled_stream()
    {
        using var cts = new CancellationTokenSource();
        var (client, _) = await StalledPair();
        var lines = new MultiplexedStream(client).ReadLinesAsync(cts.Token).GetAsyncEnumerator();
        var next = lines.MoveNextAsync().AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    private static async Task<(Stream Client, System.Net.Sockets.Socket Server)> StalledPair()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, ((System.Net.IPEndPoint)listener.LocalEndpoint).Port);
        var server = await listener.AcceptSocketAsync();
        return (client.GetStream(), server);
    }

    private static byte[] Header(StdStream target, int length) => Frame(target, "")[..4].Concat(BitConverter.GetBytes(length).Reverse()).ToArray();

    [Theory]
    [InlineData(new byte[] { 1, 0, 0 }, "inside a frame header")]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 5, (byte)'a' }, "inside a frame, 4 bytes short")]
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o', 0, 0, 0 }, "not a frame header")]
    // A TTY container's raw output read as frames: the message shows its text and says what to do.
    [InlineData(new byte[] { (byte)'t', (byte)'t', (byte)'y', (byte)'-', (byte)'l', (byte)'i', (byte)'n', (byte)'e' }, "7474792D6C696E65 ('tty-line'); if the container has a TTY its output is not multiplexed: read it with tty: true")]
    public async Task Broken_framing_raises_a_protocol_error(byte[] wire, string reason)
    {
        var e = await Assert.ThrowsAsync<DockerProtocolException>(() =>
            new MultiplexedStream(new MemoryStream(wire)).CopyOutputToAsync(Stream.Null, Stream.Null));
        Assert.Contains(reason, e.Message);
    }
}
