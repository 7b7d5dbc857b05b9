using YamlDotNet.RepresentationModel;

namespace DockerApi.Generator.Parsing;

internal static class YamlExtensions
{
    public static YamlNode? Get(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Map(this YamlMappingNode node, string key) => node.Get(key) as YamlMappingNode;

    public static YamlSequenceNode? Seq(this YamlMappingNode node, string key) => node.Get(key) as YamlSequenceNode;

    public static string? Str(this YamlMappingNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static bool Bool(this YamlMappingNode node, string key) => node.Str(key) is "true" or "True";

    /// <summary>The text for XML docs: <c>description</c>, else <c>title</c>.</summary>
    public static string? Describe(this YamlMappingNode node) => node.Str("description") ?? node.Str("title");
}
