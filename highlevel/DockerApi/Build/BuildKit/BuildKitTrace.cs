using Google.Protobuf;
using Wire = DockerApi.Build.BuildKit.Wire;

namespace DockerApi.Build.BuildKit;

/// <summary>
/// Reads a BuildKit build's progress: each <c>moby.buildkit.trace</c> line's aux, base64 of a protobuf
/// <c>StatusResponse</c>, as a <see cref="BuildUpdate"/>; and remembers each step's name and last output lines, so
/// that a failure can say which step failed and what it wrote.
/// </summary>
internal sealed class BuildKitTrace
{
    /// <summary>How much output of each step is kept for a failure's message.</summary>
    private const int KeptLogBytes = 8 * 1024;

    private readonly Dictionary<string, string> _names = [];
    private readonly Dictionary<string, List<byte>> _logs = [];
    private string? _failed;

    /// <summary>Decodes one trace.</summary>
    /// <exception cref="DockerProtocolException">It is not base64 of a StatusResponse.</exception>
    public BuildUpdate Decode(string base64)
    {
        Wire.StatusResponse status;
        try
        {
            status = Wire.StatusResponse.Parser.ParseFrom(Convert.FromBase64String(base64));
        }
        catch (Exception e) when (e is FormatException or InvalidProtocolBufferException)
        {
            throw new DockerProtocolException($"a BuildKit progress message is not valid protobuf: {e.Message}", "ImageBuild", e);
        }
        var steps = status.Vertexes.Select(v => new BuildStep(v.Digest, v.Name, v.Inputs.ToList(), v.Cached, Time(v.Started), Time(v.Completed),
            v.Error is { Length: > 0 } error ? error : null)).ToList();
        foreach (var step in steps)
        {
            _names[step.Digest] = step.Name;
            if (step.Error is not null)
                _failed ??= step.Digest;
        }
        var logs = status.Logs.Select(l => new BuildLog(l.Vertex, (int)l.Stream, l.Msg.ToByteArray(), Time(l.Timestamp))).ToList();
        foreach (var log in logs)
            Keep(log);
        return new BuildUpdate(steps,
            status.Statuses.Select(s => new BuildStepProgress(s.ID, s.Vertex, s.Name, s.Current, s.Total, Time(s.Completed))).ToList(),
            logs,
            status.Warnings.Select(w => new BuildWarning(w.Vertex, w.Level, w.Short.ToStringUtf8(), w.Detail.Select(d => d.ToStringUtf8()).ToList(), w.Url)).ToList(),
            null, null);
    }

    /// <summary>The engine's error, with the failing step's name and the end of its output, as the docker CLI shows them.</summary>
    public string Describe(string error)
    {
        if (_failed is null || !_names.TryGetValue(_failed, out var name))
            return error;
        var output = _logs.TryGetValue(_failed, out var bytes) ? System.Text.Encoding.UTF8.GetString(bytes.ToArray()).TrimEnd('\n') : "";
        return output.Length == 0 ? $"{name}: {error}" : $"{name}: {error}\n{output}";
    }

    private void Keep(BuildLog log)
    {
        if (!_logs.TryGetValue(log.Step, out var kept))
            _logs[log.Step] = kept = [];
        kept.AddRange(log.Data);
        if (kept.Count > KeptLogBytes)
            kept.RemoveRange(0, kept.Count - KeptLogBytes);
    }

    private static DateTimeOffset? Time(Google.Protobuf.WellKnownTypes.Timestamp? time) => time?.ToDateTimeOffset();
}
