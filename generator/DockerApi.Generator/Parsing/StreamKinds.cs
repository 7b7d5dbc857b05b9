using System.Collections.Generic;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Parsing;

/// <summary>How the answer of one <c>x-docker-stream</c> value is read.</summary>
/// <param name="Result">The reading.</param>
/// <param name="InBandErrors">
/// Whether the daemon may report a failure inside the stream's messages (<c>json-progress</c>), which the messages'
/// schema must then carry; <c>json-values</c> (events, stats) has none.
/// </param>
internal sealed record StreamKind(ResultKind Result, bool InBandErrors = false);

/// <summary>
/// The one table from an <c>x-docker-stream</c> value (spec/README.md) to how the answer is read; the prose-stream
/// table and the parser both speak these names.
/// </summary>
internal static class StreamKinds
{
    public static readonly IReadOnlyDictionary<string, StreamKind> ByName = new Dictionary<string, StreamKind>
    {
        ["hijack"] = new(ResultKind.Hijack),
        ["hijack-upgrade"] = new(ResultKind.HijackUpgrade),
        ["json-progress"] = new(ResultKind.JsonProgress, InBandErrors: true),
        ["json-values"] = new(ResultKind.JsonProgress),
        ["text-progress"] = new(ResultKind.TextProgress),
        ["build-output"] = new(ResultKind.BuildOutput),
        ["binary"] = new(ResultKind.Binary),
    };
}
