using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

namespace DockerApi.Benchmarks;

/// <summary>The hand-written limit of a JSON stream: PipeReader + Utf8JsonReader, one top-level property read per message.</summary>
internal static class HandRolledLoop
{
    private static readonly JsonReaderOptions Multiple = new() { AllowMultipleValues = true };

    /// <summary>Counts the messages of the stream, reading each one's <paramref name="property"/> as a string.</summary>
    public static async Task<int> CountAsync(PipeReader reader, byte[] property)
    {
        var count = 0;
        while (true)
        {
            var result = await reader.ReadAsync();
            var (consumed, messages) = Scan(result.Buffer, result.IsCompleted, property);
            count += messages;
            reader.AdvanceTo(consumed, result.Buffer.End);
            if (result.IsCompleted)
                break;
        }
        await reader.CompleteAsync();
        return count;
    }

    // Each read starts at an object boundary, so a fresh reader state per read is enough.
    private static (SequencePosition Consumed, int Messages) Scan(ReadOnlySequence<byte> buffer, bool final, byte[] property)
    {
        var json = new Utf8JsonReader(buffer, final, new JsonReaderState(Multiple));
        var messages = 0;
        var consumed = buffer.Start;
        string? value = null;
        while (json.Read())
        {
            if (json.TokenType == JsonTokenType.PropertyName && json.CurrentDepth == 1 && json.ValueTextEquals(property))
            {
                if (!json.Read())
                    break;
                value = json.GetString();
            }
            else if (json.TokenType == JsonTokenType.EndObject && json.CurrentDepth == 0)
            {
                messages++;
                consumed = json.Position;
            }
        }
        _ = value;
        return (consumed, messages);
    }
}
