using System.Text;
using DockerApi.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace DockerApi.SpecImport;

/// <summary>
/// Turns Docker's published description of an API version into ours: paths, parameters, responses and schemas are
/// facts of the protocol and are kept exactly; Docker's prose (descriptions, summaries, examples, titles) is left
/// out, so the file holds no text of theirs but the names the protocol itself uses.
/// </summary>
public static class SpecImporter
{
    /// <summary>Keys whose values are prose or illustrations, not protocol.</summary>
    public static readonly IReadOnlySet<string> ProseKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "description", "summary", "example", "examples", "title", "x-logo", "x-displayName",
    };

    public static string Import(string publishedYaml, string source)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(publishedYaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        MarkNameMaps(root);
        Strip(root);
        MarkSecrets(root);
        var info = (YamlMappingNode)root.Children[new YamlScalarNode("info")];
        var version = ((YamlScalarNode)info.Children[new YamlScalarNode("version")]).Value;
        info.Children[new YamlScalarNode("title")] = new YamlScalarNode("Docker Engine API");

        var text = new StringWriter();
        text.WriteLine($"# Docker Engine API v{version}, imported by tools/DockerApi.SpecImport from {source}");
        text.WriteLine("# (moby/moby api/swagger.yaml, Apache License 2.0). Paths, parameters, responses and schemas are kept");
        text.WriteLine("# exactly; descriptions, summaries, examples and titles are left out. Regenerate, do not edit:");
        text.WriteLine("#   dotnet run --project tools/DockerApi.SpecImport -- <published swagger.yaml> spec/docker-v" + version + ".yaml");
        stream.Save(text, assignAnchors: false);
        return text.ToString().Replace("\r\n", "\n").TrimEnd('.', '\n') + "\n";
    }

    /// <summary>
    /// Secrets the name rule (<c>SecretNames</c>, shared with the generator) cannot see: the payload of a secret and
    /// the swarm's join tokens, by definition and property.
    /// </summary>
    public static readonly IReadOnlyList<(string Definition, string Property)> KnownSecrets =
    [
        ("SecretSpec", "Data"), ("JoinTokens", "Worker"), ("JoinTokens", "Manager"),
    ];

    /// <summary>
    /// Marks every property that holds a secret with <c>x-docker-sensitive: true</c>, which Docker's files do not
    /// say: by the shared name rule, and by <see cref="KnownSecrets"/>; in definitions and in the inline schemas of paths.
    /// </summary>
    public static void MarkSecrets(YamlMappingNode root)
    {
        foreach (var (key, value) in root.Children)
        {
            if (key is YamlScalarNode { Value: "definitions" } && value is YamlMappingNode definitions)
            {
                foreach (var (name, schema) in definitions.Children)
                    MarkSecrets(schema, ((YamlScalarNode)name).Value!);
            }
            else
            {
                MarkSecrets(value, definition: ""); // the inline schemas of paths: /auth's IdentityToken, /swarm/join's JoinToken
            }
        }
    }

    private static void MarkSecrets(YamlNode node, string definition)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: "properties" } && value is YamlMappingNode properties)
                    {
                        foreach (var (name, schema) in properties.Children)
                        {
                            var wire = ((YamlScalarNode)name).Value!;
                            if (schema is YamlMappingNode property && (SecretNames.IsSecret(wire) || KnownSecrets.Contains((definition, wire))))
                                property.Children[new YamlScalarNode("x-docker-sensitive")] = new YamlScalarNode("true");
                        }
                    }
                    MarkSecrets(value, definition);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                    MarkSecrets(item, definition);
                break;
        }
    }

    /// <summary>Removes prose keys below <paramref name="node"/>, except where a key is a name (a property called "description").</summary>
    public static void Strip(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                // Under "properties" and "definitions" the keys are names of the protocol, never prose.
                foreach (var (key, value) in map.Children.ToList())
                {
                    if (key is YamlScalarNode { Value: { } name } && ProseKeys.Contains(name) && !IsNameMap(map))
                        map.Children.Remove(key);
                    else
                        Strip(value);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                    Strip(item);
                break;
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<YamlMappingNode, object> NameMaps = new();

    private static bool IsNameMap(YamlMappingNode map) => NameMaps.TryGetValue(map, out _);

    /// <summary>Marks the maps whose keys are names (properties, definitions, paths, responses) before stripping.</summary>
    public static void MarkNameMaps(YamlNode node, string? parentKey = null)
    {
        switch (node)
        {
            case YamlMappingNode map:
                if (parentKey is "properties" or "definitions" or "paths" or "responses" or "parameters" or "securityDefinitions")
                    NameMaps.AddOrUpdate(map, true);
                foreach (var (key, value) in map.Children)
                    MarkNameMaps(value, (key as YamlScalarNode)?.Value);
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                    MarkNameMaps(item, null);
                break;
        }
    }
}
