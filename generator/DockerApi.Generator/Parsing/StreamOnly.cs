using System.Collections.Generic;
using System.Linq;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// Types only the messages of JSON streams use (pull, push, build, events, stats) are read once and never written
/// back: they skip unknown members instead of keeping them, which costs every message of a pull.
/// </summary>
internal static class StreamOnly
{
    public static IEnumerable<ApiType> Mark(IEnumerable<ApiType> types, IEnumerable<ApiOperation> operations)
    {
        var all = types.ToList();
        var ops = operations.ToList();
        var writtenBack = new HashSet<string>(TagSelection.Reachable(all,
                ops.Select(o => o.Result.Kind == ResultKind.JsonProgress ? o with { Result = o.Result with { Type = null } } : o), Enumerable.Empty<TypeRef>())
            .Select(t => t.Name));
        var streamed = new HashSet<string>(TagSelection.Reachable(all, ops.Where(o => o.Result.Kind == ResultKind.JsonProgress).Select(o => o with { Request = o.Request with { Parameters = EquatableArray<ApiParameter>.Empty } }),
                Enumerable.Empty<TypeRef>())
            .Select(t => t.Name));
        return all.Select(t => t.Kind == TypeKind.Object && streamed.Contains(t.Name) && !writtenBack.Contains(t.Name) ? t with { KeepsUnknownMembers = false } : t);
    }
}
