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
        "description", "summary", "example", "examples", "title", "x-logo",
    };

    /// <summary>One published file: its API version (as <c>1.41</c>), its file name, its text.</summary>
    public sealed record Published(string Version, string Source, string Text);

    /// <summary>
    /// Imports every published version, each marked with <c>x-docker-since</c> where an operation or a parameter first
    /// appears after the oldest of them. Each text is read once.
    /// </summary>
    public static IReadOnlyList<(string Version, string Yaml)> ImportAll(IEnumerable<Published> published) => ImportAll(published, OwnTexts.Embedded());

    /// <summary>
    /// <see cref="ImportAll(IEnumerable{Published})"/> with <paramref name="texts"/> as the descriptions; fails when a
    /// text fits nothing in any of the versions (a typo would otherwise leave its member undocumented, silently).
    /// </summary>
    public static IReadOnlyList<(string Version, string Yaml)> ImportAll(IEnumerable<Published> published, OwnTexts texts)
    {
        var ordered = published.OrderBy(p => System.Version.Parse(p.Version)).ToList();
        var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<(string, string)>();
        foreach (var file in ordered)
        {
            var root = Load(file.Text);
            foreach (var key in Features(root).Select(f => f.Key))
                firstSeen.TryAdd(key, file.Version);
            result.Add((file.Version, Write(root, file.Source, ordered[0].Version, firstSeen, texts)));
        }
        if (texts.Unused is { Count: > 0 } unused)
            throw new InvalidDataException($"{unused.Count} texts describe nothing in any version: {string.Join(", ", unused.Take(20))}");
        return result;
    }

    /// <summary>Imports one published file on its own: no <c>x-docker-since</c>, as there is nothing older to compare with.</summary>
    public static string Import(string publishedYaml, string source)
    {
        var root = Load(publishedYaml);
        return Write(root, source, oldest: null, firstSeen: new Dictionary<string, string>(), OwnTexts.Embedded());
    }

    private static YamlMappingNode Load(string text) => (YamlMappingNode)TolerantYaml.Load(text).Documents[0].RootNode;

    private static string Write(YamlMappingNode root, string source, string? oldest, IReadOnlyDictionary<string, string> firstSeen, OwnTexts texts)
    {
        MarkNameMaps(root);
        Strip(root);
        texts.Apply(root);
        MarkSecrets(root);
        MarkStreams(root);
        if (oldest is not null)
            MarkSince(root, oldest, firstSeen);
        var info = (YamlMappingNode)root.Children[new YamlScalarNode("info")];
        var version = ((YamlScalarNode)info.Children[new YamlScalarNode("version")]).Value;
        info.Children[new YamlScalarNode("title")] = new YamlScalarNode("Docker Engine API");

        var text = new StringWriter();
        text.WriteLine($"# Docker Engine API v{version}, imported by tools/DockerApi.SpecImport from {source}");
        text.WriteLine("# (moby/moby api/swagger.yaml, Apache License 2.0). Paths, parameters, responses and schemas are kept");
        text.WriteLine("# exactly; Docker's descriptions, summaries, examples and titles are left out and ours written in (tools/DockerApi.SpecImport/Texts);");
        text.WriteLine("# secrets, streams and x-docker-since are marked.");
        text.WriteLine("# Regenerate, do not edit: dotnet run --project tools/DockerApi.SpecImport -- <moby-swagger folder> spec");
        new YamlStream(new YamlDocument(root)).Save(text, assignAnchors: false);
        return text.ToString().Replace("\r\n", "\n").TrimEnd('.', '\n') + "\n";
    }

    /// <summary>
    /// Every operation (by method and path: Docker renamed some operationIds, never a route) and every parameter (by
    /// route, place and name) of a file, with the node to mark.
    /// </summary>
    public static IEnumerable<(string Key, YamlMappingNode Node)> Features(YamlMappingNode root)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("paths"), out var paths) || paths is not YamlMappingNode pathMap)
            yield break;
        foreach (var (pathKey, pathValue) in pathMap.Children)
        {
            if (pathValue is not YamlMappingNode methods)
                continue;
            foreach (var (methodKey, operation) in methods.Children)
            {
                if (operation is not YamlMappingNode op || methodKey is not YamlScalarNode { Value: { } method } || method == "parameters")
                    continue;
                var route = method.ToUpperInvariant() + " " + ((YamlScalarNode)pathKey).Value;
                yield return (route, op);
                if (!op.Children.TryGetValue(new YamlScalarNode("parameters"), out var parameters) || parameters is not YamlSequenceNode list)
                    continue;
                foreach (var parameter in list.Children.OfType<YamlMappingNode>())
                {
                    var name = (parameter.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? (n as YamlScalarNode)?.Value : null) ?? "";
                    var place = (parameter.Children.TryGetValue(new YamlScalarNode("in"), out var i) ? (i as YamlScalarNode)?.Value : null) ?? "";
                    yield return ($"{route} {place}:{name}", parameter);
                }
            }
        }
    }

    /// <summary>
    /// <c>x-docker-stream</c> (and <c>x-docker-framing</c>) on each operation that Docker's file describes as a stream
    /// only in prose, from the generator's table (<see cref="ProseStreams"/>): the shipped files say it themselves, and
    /// the table serves only copies of Docker's files that users bring. A JSON stream whose message is a definition gets
    /// that definition as its success schema, or is a byte stream in a version that lacks it (nothing lost). An operation
    /// this client cannot speak (a WebSocket, an h2c upgrade) is left as it is: the generator says why it skips it.
    /// </summary>
    public static void MarkStreams(YamlMappingNode root)
    {
        var definitions = root.Children.TryGetValue(new YamlScalarNode("definitions"), out var d) ? d as YamlMappingNode : null;
        foreach (var (route, op) in Features(root).Where(f => !f.Key.Contains(':', StringComparison.Ordinal)).ToList())
        {
            var id = op.Children.TryGetValue(new YamlScalarNode("operationId"), out var i) ? (i as YamlScalarNode)?.Value ?? "" : "";
            var space = route.IndexOf(' ');
            if (op.Children.ContainsKey(new YamlScalarNode("x-docker-stream"))
                || ProseStreams.Find(route[..space], route[(space + 1)..], id) is not { Stream: { } stream } entry)
                continue;
            if (entry.Message is not null)
            {
                if (definitions?.Children.ContainsKey(new YamlScalarNode(entry.Message)) == true && Success(op) is { } success)
                    success.Children[new YamlScalarNode("schema")] = new YamlMappingNode(new YamlScalarNode("$ref"), Quoted("#/definitions/" + entry.Message));
                else
                    stream = "binary";
            }
            op.Children[new YamlScalarNode("x-docker-stream")] = Quoted(stream);
            if (entry.Framing is not null)
                op.Children[new YamlScalarNode("x-docker-framing")] = Quoted(entry.Framing);
        }
    }

    /// <summary>The first 2xx response of an operation.</summary>
    private static YamlMappingNode? Success(YamlMappingNode op) =>
        op.Children.TryGetValue(new YamlScalarNode("responses"), out var r) && r is YamlMappingNode responses
            ? responses.Children.Where(c => c.Key is YamlScalarNode { Value: { Length: 3 } status } && status[0] == '2').Select(c => c.Value).OfType<YamlMappingNode>().FirstOrDefault()
            : null;

    internal static YamlScalarNode Quoted(string value) => new(value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };

    /// <summary>
    /// <c>x-docker-since: "X.Y"</c> on each operation and parameter first published after <paramref name="oldest"/>: the
    /// first published file that has it (the reference lacks some versions, so this can be later than Docker's own).
    /// </summary>
    private static void MarkSince(YamlMappingNode root, string oldest, IReadOnlyDictionary<string, string> firstSeen)
    {
        foreach (var (key, node) in Features(root).ToList())
        {
            if (firstSeen.TryGetValue(key, out var since) && since != oldest)
                node.Children[new YamlScalarNode("x-docker-since")] = Quoted(since);
        }
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
