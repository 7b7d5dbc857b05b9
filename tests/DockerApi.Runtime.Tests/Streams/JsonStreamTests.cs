using System.Text;
using DockerApi.Tests;
using DockerApi.Runtime.Tests.Transport;
using DockerApi.Streams;
using DockerApi.Transport;
using DockerApi.Serialization;

namespace DockerApi.Runtime.Tests.Streams;

internal sealed record ProgressMessage(string? Status, string? Progress, string? Error);

public sealed class JsonStreamTests
{
    private static readonly Func<ProgressMessage, string?> ErrorOf = m => m.Error;

    [Theory]
    [InlineData("{\"status\":\"Pulling repository base\"}{\"status\":\"Downloading\",\"progress\":\"1.049 MB/10.49 MB (10%)\"}{}")]
    [InlineData("{\"status\":\"Pulling repository base\"}\n{\"status\":\"Downloading\",\"progress\":\"1.049 MB/10.49 MB (10%)\"}\n{}\n")]
    [InlineData("  {\"status\":\"Pulling repository base\"}\r\n\t{\"status\" : \"Downloading\", \"progress\" : \"1.049 MB/10.49 MB (10%)\"}  {} ")]
    // application/json-seq (RFC 7464): each value after a record separator, 0x1E.
    [InlineData("\u001e{\"status\":\"Pulling repository base\"}\n\u001e{\"status\":\"Downloading\",\"progress\":\"1.049 MB/10.49 MB (10%)\"}\n\u001e{}\n")]
    public async Task Reads_concatenated_and_delimited_values_across_every_chunk_boundary(string wire)
    {
        for (var perRead = 1; perRead <= 7; perRead++)
        {
            var messages = await ReadAll(new TrickleStream(Encoding.UTF8.GetBytes(wire), perRead));
            Assert.Equal(
                [new("Pulling repository base", null, null), new("Downloading", "1.049 MB/10.49 MB (10%)", null), new(null, null, null)],
                messages);
        }
    }

    [Fact]
    public async Task Brackets_quotes_and_backslashes_inside_strings_do_not_end_a_value_with_either_reader()
    {
        var wire = """{"status":"brace } bracket ] quote \" backslash \\ then {[","progress":"\\"}{"status":"next"}"""u8.ToArray();
        const string tricky = "brace } bracket ] quote \" backslash \\ then {[";
        // The serializer's reader (a source-generated context) and the generated clients' one (DockerJsonConverter).
        var options = new System.Text.Json.JsonSerializerOptions();
        var generated = System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<ProgressMessage>(options,
            new DockerApi.Serialization.DockerJsonConverter<ProgressMessage>(ReadProgress, static (_, _, _) => throw new NotSupportedException()));
        foreach (var typeInfo in new[] { TestJson.Default.ProgressMessage, generated })
        {
            for (var perRead = 1; perRead <= 5; perRead++)
            {
                var messages = new List<ProgressMessage>();
                await foreach (var m in JsonStream.ReadAsync(new TrickleStream(wire, perRead), typeInfo, ErrorOf))
                    messages.Add(m);
                Assert.Equal([new(tricky, "\\", null), new("next", null, null)], messages);
            }
        }
    }

    private static ProgressMessage ReadProgress(ref System.Text.Json.Utf8JsonReader reader, System.Text.Json.JsonSerializerOptions options)
    {
        DockerApi.Serialization.DockerJson.ExpectObject(ref reader, nameof(ProgressMessage));
        string? status = null, progress = null, error = null;
        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            var value = DockerApi.Serialization.DockerJson.ReadString(ref reader, options);
            _ = name switch { "status" => status = value, "progress" => progress = value, "error" => error = value, _ => null };
        }
        return new ProgressMessage(status, progress, error);
    }

    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task An_error_inside_a_200_stream_raises_after_the_messages_before_it(Wire wire)
    {
        await using var server = RawServer.Chunked(wire, Http.ChunkedHead,
            "{\"status\":\"Pulling repository base\"}",
            "{\"status\":\"Downloading\",\"progress\":\"4.096 kB/? (n/a)\"}",
            "{\"error\":\"Could not find repository on any of the indexed registries.\"}");
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/images/create?fromImage=base"), HttpCompletionOption.ResponseHeadersRead);
        var delivered = new List<ProgressMessage>();

        var e = await Assert.ThrowsAsync<DockerStreamException>(async () =>
        {
            await foreach (var m in JsonStream.ReadAsync(await response.Content.ReadAsStreamAsync(), TestJson.Default.ProgressMessage, ErrorOf, operation: "ImageCreate"))
                delivered.Add(m);
        });

        Assert.Equal(["Pulling repository base", "Downloading"], delivered.Select(m => m.Status));
        Assert.Equal("Could not find repository on any of the indexed registries.", e.DaemonMessage);
        Assert.Equal("ImageCreate", e.Operation);
    }

    [Fact]
    public async Task Each_message_is_yielded_as_it_arrives()
    {
        var firstSeen = new TaskCompletionSource();
        await using var server = RawServer.Start(Wire.Unix, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Http.ChunkedHead);
            await c.WriteChunkAsync("{\"status\":\"one\"}");
            await firstSeen.Task; // the second message is sent only after the client has the first
            await c.WriteChunkAsync("{\"status\":\"two\"}");
            await c.EndChunksAsync();
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/images/create?fromImage=base"), HttpCompletionOption.ResponseHeadersRead);
        var statuses = new List<string?>();
        await foreach (var m in JsonStream.ReadAsync(await response.Content.ReadAsStreamAsync(), TestJson.Default.ProgressMessage, ErrorOf))
        {
            statuses.Add(m.Status);
            firstSeen.TrySetResult();
        }
        Assert.Equal(["one", "two"], statuses);
    }

    [Fact]
    public async Task A_stalled_stream_is_cancelled_by_its_token()
    {
        var release = new TaskCompletionSource();
        await using var server = RawServer.Start(Wire.Tcp, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Http.ChunkedHead);
            await c.WriteChunkAsync("{\"status\":\"one\"}");
            await release.Task; // then nothing more until the test ends
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/images/create?fromImage=base"), HttpCompletionOption.ResponseHeadersRead);
        using var cts = new CancellationTokenSource();
        var stream = JsonStream.ReadAsync(await response.Content.ReadAsStreamAsync(), TestJson.Default.ProgressMessage, ErrorOf, cancellationToken: cts.Token);
        await using var messages = stream.GetAsyncEnumerator();

        Assert.True(await messages.MoveNextAsync());
        var next = messages.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        release.SetResult();
    }

    [Theory]
    [InlineData(Wire.Tcp)]
    [InlineData(Wire.Unix)]
    public async Task A_connection_cut_inside_an_object_raises_a_protocol_error(Wire wire)
    {
        await using var server = RawServer.Start(wire, async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Http.ChunkedHead);
            await c.WriteChunkAsync("{\"status\":\"one\"}{\"status\":\"tw");
            c.ShutdownSend();
        });
        using var client = DockerHttpClient.Create(server.Endpoint, "1.2");
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/images/create"), HttpCompletionOption.ResponseHeadersRead);
        var delivered = new List<ProgressMessage>();
        await Assert.ThrowsAsync<DockerProtocolException>(async () =>
        {
            await foreach (var m in JsonStream.ReadAsync(await response.Content.ReadAsStreamAsync(), TestJson.Default.ProgressMessage, ErrorOf))
                delivered.Add(m);
        });
        Assert.Single(delivered);
    }

    [Theory]
    [InlineData("{\"status\":\"one\"}{\"status\":\"tw", "ended inside a JSON value")]
    [InlineData("{\"status\":\"one\"}<html>Bad Gateway</html>", "text that is not a JSON object: '<h")]
    [InlineData("{\"status\":\"one\"}{\"status\":}", "not valid JSON")]
    [InlineData("{\"status\":\"one\"}[1,2]", "not valid JSON for a ProgressMessage")]
    public async Task Malformed_streams_raise_protocol_errors_after_the_good_values(string wire, string reason)
    {
        var delivered = new List<ProgressMessage>();
        var e = await Assert.ThrowsAsync<DockerProtocolException>(async () =>
        {
            await foreach (var m in JsonStream.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(wire), 3), TestJson.Default.ProgressMessage, ErrorOf))
                delivered.Add(m);
        });
        Assert.Contains(reason, e.Message);
        Assert.Single(delivered);
    }

    [Fact]
    public async Task Text_between_values_is_skipped_when_told()
    {
        // A 0.4.x push writes its "Buffering to disk" progress as raw text into the JSON stream.
        const string wire = "{\"status\":\"Pushing repository u/r\"}Buffering to disk 12345/? (n/a)\rBuffering to disk 23456/? (n/a)\r\r\n{\"status\":\"Pushing\",\"progress\":\"1/2 (50%)\"}";
        var tolerant = new JsonStreamOptions { SkipNonJsonText = true };
        var messages = new List<ProgressMessage>();
        await foreach (var m in JsonStream.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(wire), 2), TestJson.Default.ProgressMessage, ErrorOf, tolerant))
            messages.Add(m);
        Assert.Equal(["Pushing repository u/r", "Pushing"], messages.Select(m => m.Status));

        await Assert.ThrowsAsync<DockerProtocolException>(() => ReadAll(new TrickleStream(Encoding.UTF8.GetBytes(wire), 2)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    public async Task A_value_over_the_bound_raises_instead_of_growing(int bytesPerRead)
    {
        var big = "{\"status\":\"" + new string('x', 5000) + "\"}";
        var options = new JsonStreamOptions { MaxValueBytes = 1024 };
        var e = await Assert.ThrowsAsync<DockerProtocolException>(async () =>
        {
            await foreach (var _ in JsonStream.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(big), bytesPerRead), TestJson.Default.ProgressMessage, ErrorOf, options))
            {
            }
        });
        Assert.Contains("larger than 1024 bytes", e.Message);
    }

    [Fact]
    public async Task A_large_value_arriving_in_small_chunks_is_read_whole()
    {
        var status = new string('y', 3_000_000);
        var wire = Encoding.UTF8.GetBytes("{\"status\":\"" + status + "\"}{\"status\":\"after\"}");
        var messages = await ReadAll(new TrickleStream(wire, 4096));
        Assert.Equal([status, "after"], messages.Select(m => m.Status));
    }

    /// <summary>Streams of many lines, each with something the line reader must hand to the scanner.</summary>
    public static TheoryData<string> ManyLines()
    {
        static string Lines(int count, Func<int, string> line) => string.Concat(Enumerable.Range(0, count).Select(line));
        return new TheoryData<string>(
            Lines(400, i => $"{{\"status\":\"line {i}\",\"progress\":\"{i}/400 \\n not a raw newline\"}}\r\n"),
            Lines(200, i => $"{{\"status\":\"a{i}\"}}\n") + "{\n  \"status\": \"pretty,\n on lines\"\n}\n" + Lines(200, i => $"{{\"status\":\"b{i}\"}}\n"),
            Lines(200, i => $"{{\"status\":\"a{i}\"}}{{\"status\":\"glued\"}}\n"),
            Lines(300, i => $"\u001e{{\"status\":\"seq {i}\"}}\n"),
            Lines(200, i => $"{{\"status\":\"a{i}\"}}\n") + "{\"error\":\"pull access denied\"}\n" + Lines(50, i => $"{{\"status\":\"after {i}\"}}\n"),
            Lines(200, i => $"{{\"status\":\"a{i}\"}}\n") + "{\"status\":}\n" + Lines(50, i => $"{{\"status\":\"after {i}\"}}\n"),
            Lines(200, i => $"{{\"status\":\"a{i}\"}}\n") + "[1,2]\n",
            Lines(200, i => $"{{\"status\":\"a{i}\"}}\n") + "{\"status\":\"cut");
    }

    [Theory]
    [MemberData(nameof(ManyLines))]
    public async Task Large_reads_of_many_lines_give_what_small_reads_give(string wire)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);
        // Reads of 7 bytes never hold a whole line: the scanner reads every value, which makes the expected outcome.
        var expected = await Outcome(new TrickleStream(bytes, 7));
        foreach (var perRead in new[] { 2500, 3001, 1 << 20 })
        {
            var (values, failure) = await Outcome(new TrickleStream(bytes, perRead));
            Assert.Equal(expected.Values, values);
            Assert.Equal(expected.Failure, failure);
        }
        Assert.True(expected.Values.Count >= 200, $"{expected.Values.Count} values");

        static async Task<(List<ProgressMessage> Values, string? Failure)> Outcome(Stream stream)
        {
            var values = new List<ProgressMessage>();
            try
            {
                await foreach (var m in JsonStream.ReadAsync(stream, TestJson.Default.ProgressMessage, ErrorOf))
                    values.Add(m);
                return (values, null);
            }
            catch (DockerException e)
            {
                return (values, $"{e.GetType().Name}: {e.Message}");
            }
        }
    }

    [Fact]
    public async Task An_empty_stream_has_no_values()
    {
        Assert.Empty(await ReadAll(new MemoryStream()));
        Assert.Empty(await ReadAll(new MemoryStream("\r\n "u8.ToArray())));
    }

    private static async Task<List<ProgressMessage>> ReadAll(Stream stream)
    {
        var list = new List<ProgressMessage>();
        await foreach (var m in JsonStream.ReadAsync(stream, TestJson.Default.ProgressMessage, ErrorOf))
            list.Add(m);
        return list;
    }
}
