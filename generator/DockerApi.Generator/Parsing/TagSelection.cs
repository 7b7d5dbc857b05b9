using System;
using System.Collections.Generic;
using System.Linq;
using DockerApi.Generator.Diagnostics;
using DockerApi.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// <c>Tags="Containers;Images;System"</c> on a spec item: only those areas' operations, and only the types they
/// use, are generated — less code for the consumer's compiler to build.
/// </summary>
internal static class TagSelection
{
    /// <summary>
    /// The spec tags the item selects, each named by its tag (<c>Container</c>) or its facade property
    /// (<c>Containers</c>), without case; null when the item selects everything. An unknown name is DAPI014.
    /// </summary>
    public static HashSet<string>? Read(string? tags, IEnumerable<ApiInterface> interfaces, DiagnosticBag diagnostics, YamlNode at)
    {
        if (string.IsNullOrWhiteSpace(tags))
            return null;
        var all = interfaces.ToList();
        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in tags!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            var match = all.FirstOrDefault(i => string.Equals(i.Tag, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(i.PropertyName, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
                diagnostics.Report(DiagnosticDescriptors.UnknownTag, at, name, string.Join(", ", all.Select(i => i.PropertyName)));
            else
                selected.Add(match.Tag);
        }
        return selected;
    }

    /// <summary>The types the operations use — parameters, answers, stream messages — and every type those reach through properties, items and values.</summary>
    public static IEnumerable<ApiType> Reachable(IEnumerable<ApiType> types, IEnumerable<ApiOperation> operations, IEnumerable<TypeRef> roots)
    {
        var byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var pending = new Stack<TypeRef>(operations
            .SelectMany(o => o.Request.Parameters.Select(p => p.Type).Concat(o.Result.Type is null ? Enumerable.Empty<TypeRef>() : new[] { o.Result.Type }))
            .Concat(roots));
        var used = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Item is not null)
                pending.Push(type.Item);
            if (type.Kind != TypeRefKind.Named || type.Name is null || !used.Add(type.Name) || !byName.TryGetValue(type.Name, out var named))
                continue;
            foreach (var property in named.Properties)
                pending.Push(property.Type);
        }
        return byName.Values.Where(t => used.Contains(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal);
    }
}
