using System.Collections.Generic;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// The one table from an <c>x-docker-stream</c> value (spec/README.md) to how the answer is read; the prose-stream
/// table and the parser both speak <see cref="ResultKind"/> from here on.
/// </summary>
internal static class StreamKinds
{
    public static readonly IReadOnlyDictionary<string, ResultKind> ByName = new Dictionary<string, ResultKind>
    {
        ["hijack"] = ResultKind.Hijack,
        ["hijack-upgrade"] = ResultKind.HijackUpgrade,
        ["json-progress"] = ResultKind.JsonProgress,
        ["text-progress"] = ResultKind.TextProgress,
        ["build-output"] = ResultKind.BuildOutput,
        ["binary"] = ResultKind.Binary,
    };
}
