using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// What a property's schema states about its values — the allowed ones, the default, the range — as one sentence
/// each, for the property's <c>&lt;value&gt;</c> docs; null when the schema states none.
/// </summary>
internal static class ValueFacts
{
    public static string? Of(YamlMappingNode schema)
    {
        var facts = new List<string>();
        var values = schema.Seq("enum") ?? schema.Map("items")?.Seq("enum");
        if (values is { Children.Count: > 0 } && values.Children.All(v => v is YamlScalarNode))
        {
            var list = values.Children.Cast<YamlScalarNode>().Select(v => Code(v.Value)).ToList();
            facts.Add((schema.Seq("enum") is null ? "Each item is one of " : "One of ") + string.Join(", ", list) + ".");
        }
        if (schema.Get("default") is YamlScalarNode { Value: { } fallback })
            facts.Add($"Default: {Code(fallback)}.");
        if (schema.Str("minimum") is { } minimum)
            facts.Add($"At least {minimum}.");
        if (schema.Str("maximum") is { } maximum)
            facts.Add($"At most {maximum}.");
        return facts.Count == 0 ? null : string.Join(" ", facts);
    }

    // Markdown code, as the docs' other texts: XmlDoc turns it into <c>; an empty value is shown as "".
    private static string Code(string? value) => string.IsNullOrEmpty(value) ? "`\"\"`" : "`" + value!.Replace("`", "'") + "`";
}
