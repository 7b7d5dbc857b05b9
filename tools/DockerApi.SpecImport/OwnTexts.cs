using DockerApi.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace DockerApi.SpecImport;

/// <summary>
/// Our own descriptions of the modern API (<c>Texts/*.yaml</c>, embedded): written once, for the newest version, and
/// put on every imported version where the thing described is there — the same route and parameter, the same
/// definition and property. Docker's sentences are never copied; the facts they state (units, defaults, allowed
/// values, what a status means for a call) are said in ours.
/// </summary>
/// <remarks>
/// A text file has three parts. <c>defaults</c>: <c>responses</c> (a status's meaning where an operation gives none)
/// and <c>pathParameters</c> (a path's <c>{name}</c>, by the path up to it). <c>operations</c>, by <c>METHOD /path</c>:
/// <c>summary</c>, <c>remarks</c>, <c>parameters</c> and <c>responses</c> by name, and <c>properties</c> of inline
/// schemas as <c>"&lt;parameter or status&gt; Dotted.Path"</c> (the parameter or status alone: the inline type itself).
/// <c>definitions</c>, by name: <c>text</c>, <c>properties</c> by dotted path (arrays and maps are stepped through;
/// <c>Path[]</c> is an array's element type, <c>Path{}</c> a map's value type), and <c>values</c>: an enum's values by
/// the dotted path of its schema (<c>""</c> for the definition itself), written as <c>x-docker-enum-descriptions</c>.
/// </remarks>
public sealed class OwnTexts
{
    private readonly YamlMappingNode _defaultResponses = new();
    private readonly YamlMappingNode _pathParameters = new();
    private readonly Dictionary<string, YamlMappingNode> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlMappingNode> _definitions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly List<string> _all = [];

    /// <summary>The texts embedded in this tool.</summary>
    public static OwnTexts Embedded()
    {
        var assembly = typeof(OwnTexts).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        return Load(names.Select(n =>
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
            return reader.ReadToEnd();
        }));
    }

    /// <summary>Texts from YAML files of the form above; a key given twice is an error.</summary>
    public static OwnTexts Load(IEnumerable<string> files)
    {
        var texts = new OwnTexts();
        foreach (var file in files)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file));
            if (stream.Documents.Count == 0)
                continue;
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            if (root.Map("defaults") is { } defaults)
            {
                Merge(texts._defaultResponses, defaults.Map("responses"), "defaults.responses");
                Merge(texts._pathParameters, defaults.Map("pathParameters"), "defaults.pathParameters");
            }
            Collect(texts._operations, root.Map("operations"), "operations");
            Collect(texts._definitions, root.Map("definitions"), "definitions");
        }
        texts.ListKeys();
        return texts;
    }

    /// <summary>Every text's key that no version imported so far has used: a typo, or a thing Docker removed.</summary>
    public IReadOnlyList<string> Unused => _all.Where(k => !_used.Contains(k)).ToList();

    /// <summary>Puts the texts on one version's file (after the import stripped Docker's prose).</summary>
    public void Apply(YamlMappingNode root)
    {
        foreach (var (route, op) in SpecImporter.Features(root).Where(f => !f.Key.Contains(':', StringComparison.Ordinal)).ToList())
            ApplyOperation(route, op);
        if (root.Map("definitions") is { } definitions)
        {
            foreach (var (name, schema) in definitions.Children)
            {
                if (schema is YamlMappingNode definition && _definitions.TryGetValue(((YamlScalarNode)name).Value!, out var texts))
                    ApplyDefinition(((YamlScalarNode)name).Value!, definition, texts);
            }
        }
    }

    private void ApplyOperation(string route, YamlMappingNode op)
    {
        _operations.TryGetValue(route, out var texts);
        var key = "operations." + route;
        Set(op, "summary", texts, "summary", key);
        Set(op, "description", texts, "remarks", key);
        var path = route[(route.IndexOf(' ') + 1)..];
        foreach (var parameter in (op.Seq("parameters")?.Children ?? []).OfType<YamlMappingNode>())
        {
            var name = parameter.Str("name") ?? "";
            if (!Set(parameter, "description", texts?.Map("parameters"), name, key + ".parameters") && parameter.Str("in") == "path")
                Set(parameter, "description", _pathParameters, PathPrefix(path, name), "defaults.pathParameters");
            if (parameter.Map("schema") is { } schema)
            {
                ApplyShape(schema, texts?.Map("shapes"), name, key);
                ApplyInline(schema, texts?.Map("properties"), name, key);
            }
        }
        foreach (var (status, response) in Entries(op.Map("responses")))
        {
            var code = ((YamlScalarNode)status).Value!;
            if (response is not YamlMappingNode r)
                continue;
            if (!Set(r, "description", texts?.Map("responses"), code, key + ".responses"))
                Set(r, "description", _defaultResponses, code, "defaults.responses");
            if (r.Map("schema") is { } schema)
            {
                ApplyShape(schema, texts?.Map("shapes"), code, key);
                ApplyInline(schema, texts?.Map("properties"), code, key);
            }
        }
    }

    /// <summary>The path up to and including <c>{name}</c>: the key of a path parameter's default text.</summary>
    private static string PathPrefix(string path, string name)
    {
        var at = path.IndexOf("{" + name + "}", StringComparison.Ordinal);
        return at < 0 ? path : path[..(at + name.Length + 2)];
    }

    private void ApplyInline(YamlMappingNode schema, YamlMappingNode? properties, string owner, string key)
    {
        foreach (var (dotted, _) in Entries(properties))
        {
            var text = ((YamlScalarNode)dotted).Value!;
            var node = text == owner ? schema // the inline type itself
                : text.StartsWith(owner + " ", StringComparison.Ordinal) ? Resolve(schema, text[(owner.Length + 1)..])
                : null;
            if (node is not null)
                Set(node, "description", properties, text, key + ".properties");
        }
    }

    /// <summary>
    /// An inline schema that older versions have where the newest has a definition (<c>shapes: { "200":
    /// ContainerInspectResponse }</c>): it takes that definition's texts, as the same thing under another name.
    /// </summary>
    private void ApplyShape(YamlMappingNode schema, YamlMappingNode? shapes, string owner, string key)
    {
        if (shapes is null || shapes.Str(owner) is not { } definition || !_definitions.TryGetValue(definition, out var texts))
            return;
        var inline = schema.Map("items") ?? schema;
        if (inline.Children.ContainsKey(new YamlScalarNode("$ref")))
            return; // the definition itself: it has its texts already
        _used.Add($"{key}.shapes.{owner}");
        ApplyDefinition(definition, inline, texts);
    }

    private void ApplyDefinition(string name, YamlMappingNode definition, YamlMappingNode texts)
    {
        // A definition an older version names otherwise (GraphDriverData for DriverData): the newer one's texts first.
        if (texts.Str("like") is { } like && _definitions.TryGetValue(like, out var liked))
        {
            _used.Add($"definitions.{name}.like");
            ApplyDefinition(like, definition, liked);
        }
        var key = "definitions." + name;
        // The same name is not always the same thing (1.25 – 1.29's Config is a container's, later ones a swarm
        // object): a definition with properties, none of them described, is another thing and keeps no text.
        if (texts.Map("properties") is { Children.Count: > 0 } listed && definition.Map("properties") is { Children.Count: > 0 }
            && !listed.Children.Keys.Any(k => Resolve(definition, ((YamlScalarNode)k).Value!) is not null))
        {
            // What that other thing is, when the texts say (Config's "or: ContainerConfig").
            if (texts.Str("or") is { } other && _definitions.TryGetValue(other, out var otherTexts))
            {
                _used.Add($"{key}.or");
                ApplyDefinition(other, definition, otherTexts);
            }
            return;
        }
        Set(definition, "description", texts, "text", key);
        foreach (var (dotted, _) in Entries(texts.Map("properties")))
        {
            if (Resolve(definition, ((YamlScalarNode)dotted).Value!) is { } node)
                Set(node, "description", texts.Map("properties"), ((YamlScalarNode)dotted).Value!, key + ".properties");
        }
        foreach (var (dotted, values) in Entries(texts.Map("values")))
        {
            var path = ((YamlScalarNode)dotted).Value!;
            if ((path.Length == 0 ? definition : Resolve(definition, path)) is not { } node || Enum(node) is not { } owner || values is not YamlMappingNode described)
                continue;
            var known = owner.Seq("enum")!.Children.OfType<YamlScalarNode>().Select(v => v.Value ?? "").ToHashSet(StringComparer.Ordinal);
            var kept = new YamlMappingNode();
            foreach (var (value, text) in described.Children)
            {
                if (!known.Contains(((YamlScalarNode)value).Value ?? ""))
                    continue;
                kept.Add(SpecImporter.Quoted(((YamlScalarNode)value).Value ?? ""), new YamlScalarNode(((YamlScalarNode)text).Value));
                _used.Add($"{key}.values.{path}.{((YamlScalarNode)value).Value}");
            }
            if (kept.Children.Count > 0)
                owner.Children[new YamlScalarNode("x-docker-enum-descriptions")] = kept;
        }
    }

    /// <summary>The schema that holds an enum: the node itself, or the items of an array of enum values.</summary>
    private static YamlMappingNode? Enum(YamlMappingNode node) =>
        node.Seq("enum") is not null ? node : node.Map("items") is { } items && items.Seq("enum") is not null ? items : null;

    /// <summary>
    /// The schema of a property by dotted path below <paramref name="schema"/>: properties, and through arrays' items,
    /// maps' values and the parts of an <c>allOf</c>. Null when a step is missing (an older version).
    /// </summary>
    public static YamlMappingNode? Resolve(YamlMappingNode schema, string dotted)
    {
        if (dotted.EndsWith("[]", StringComparison.Ordinal) || dotted.EndsWith("{}", StringComparison.Ordinal))
        {
            // The items of an array, the values of a map: the element type the generator makes of them.
            var outer = dotted.Length == 2 ? schema : Resolve(schema, dotted[..^2]);
            return outer is null ? null : outer.Map(dotted[^1] == ']' ? "items" : "additionalProperties");
        }
        if (Property(schema, dotted) is { } whole)
            return whole; // a name with a dot in it: OCIPlatform's os.version
        var dot = dotted.IndexOf('.');
        return dot > 0 && Property(schema, dotted[..dot]) is { } first ? Resolve(first, dotted[(dot + 1)..]) : null;
    }

    private static YamlMappingNode? Property(YamlMappingNode schema, string name)
    {
        if (schema.Map("properties")?.Map(name) is { } direct)
            return direct;
        foreach (var part in (schema.Seq("allOf")?.Children ?? []).OfType<YamlMappingNode>())
        {
            if (Property(part, name) is { } found)
                return found;
        }
        return (schema.Map("items") ?? schema.Map("additionalProperties")) is { } inner ? Property(inner, name) : null;
    }

    /// <summary>Sets <paramref name="target"/>.<paramref name="field"/> from <paramref name="texts"/>[<paramref name="name"/>]; true when there was one.</summary>
    private bool Set(YamlMappingNode target, string field, YamlMappingNode? texts, string name, string key)
    {
        if (texts is null || !texts.Children.TryGetValue(new YamlScalarNode(name), out var value) || value is not YamlScalarNode { Value: { } text })
            return false;
        target.Children[new YamlScalarNode(field)] = new YamlScalarNode(text.Trim());
        _used.Add($"{key}.{name}");
        return true;
    }

    private void ListKeys()
    {
        _all.AddRange(_defaultResponses.Children.Keys.Select(k => "defaults.responses." + ((YamlScalarNode)k).Value));
        _all.AddRange(_pathParameters.Children.Keys.Select(k => "defaults.pathParameters." + ((YamlScalarNode)k).Value));
        foreach (var (route, texts) in _operations)
        {
            var key = "operations." + route;
            _all.AddRange(new[] { "summary", "remarks" }.Where(f => texts.Str(f) is not null).Select(f => $"{key}.{f}"));
            foreach (var part in new[] { "parameters", "responses", "properties", "shapes" })
                _all.AddRange((texts.Map(part)?.Children.Keys ?? []).Select(k => $"{key}.{part}.{((YamlScalarNode)k).Value}"));
        }
        foreach (var (name, texts) in _definitions)
        {
            var key = "definitions." + name;
            _all.AddRange(new[] { "text", "like", "or" }.Where(f => texts.Children.ContainsKey(new YamlScalarNode(f))).Select(f => $"{key}.{f}"));
            _all.AddRange((texts.Map("properties")?.Children.Keys ?? []).Select(k => $"{key}.properties.{((YamlScalarNode)k).Value}"));
            foreach (var (path, values) in Entries(texts.Map("values")))
                _all.AddRange(((YamlMappingNode)values).Children.Keys.Select(v => $"{key}.values.{((YamlScalarNode)path).Value}.{((YamlScalarNode)v).Value}"));
        }
    }

    private static void Merge(YamlMappingNode into, YamlMappingNode? from, string where)
    {
        foreach (var (key, value) in Entries(from))
        {
            if (!into.Children.TryAdd(key, value))
                throw new InvalidDataException($"{where}: '{((YamlScalarNode)key).Value}' is given twice");
        }
    }

    private static void Collect(Dictionary<string, YamlMappingNode> into, YamlMappingNode? from, string where)
    {
        foreach (var (key, value) in Entries(from))
        {
            var name = ((YamlScalarNode)key).Value!;
            if (value is not YamlMappingNode texts || !into.TryAdd(name, texts))
                throw new InvalidDataException($"{where}: '{name}' is given twice, or is not a mapping");
        }
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlMappingNode? node) =>
        node?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>();
}
