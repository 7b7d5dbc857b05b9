using YamlDotNet.RepresentationModel;

namespace DockerApi.Spec.Tests;

/// <summary>One spec file loaded as a YAML tree, with the navigation the tests need.</summary>
internal sealed class SpecDocument
{
    public static readonly string[] Versions = ["1.0", "1.1", "1.2"];

    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch"];

    private SpecDocument(string version, string path, YamlMappingNode root)
    {
        Version = version;
        FilePath = path;
        Root = root;
        Operations = ReadOperations(root);
    }

    public string Version { get; }
    public string FilePath { get; }
    public YamlMappingNode Root { get; }
    public IReadOnlyList<Operation> Operations { get; }

    public static SpecDocument Load(string version)
    {
        var path = Path.Combine(DockerApi.Tests.RepositoryPaths.Spec, $"docker-v{version}.yaml");
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return new SpecDocument(version, path, (YamlMappingNode)stream.Documents.Single().RootNode);
    }

    public Operation Op(string operationId) =>
        Operations.SingleOrDefault(o => o.Id == operationId)
        ?? throw new Xunit.Sdk.XunitException($"v{Version} has no operation {operationId}");

    public YamlMappingNode Definitions => Root.Map("definitions");

    private static List<Operation> ReadOperations(YamlMappingNode root)
    {
        var list = new List<Operation>();
        foreach (var (pathKey, pathItem) in root.Map("paths").Children)
        {
            foreach (var (methodKey, operation) in ((YamlMappingNode)pathItem).Children)
            {
                var method = ((YamlScalarNode)methodKey).Value!;
                if (HttpMethods.Contains(method))
                    list.Add(new Operation(method.ToUpperInvariant(), ((YamlScalarNode)pathKey).Value!, (YamlMappingNode)operation));
            }
        }
        return list;
    }
}

/// <summary>One operation: method, path template and its YAML node.</summary>
internal sealed record Operation(string Method, string Path, YamlMappingNode Node)
{
    public string Id => Node.Str("operationId") ?? "";

    public bool Undocumented => Node.Bool("x-docker-undocumented");

    public IEnumerable<YamlMappingNode> Parameters =>
        Node.Seq("parameters")?.Children.Cast<YamlMappingNode>() ?? [];

    public YamlMappingNode? Parameter(string name) => Parameters.SingleOrDefault(p => p.Str("name") == name);

    /// <summary>Query parameters the documentation of the time could have named (not marked undocumented).</summary>
    public SortedSet<string> DocumentedQuery =>
        new(Parameters.Where(p => p.Str("in") == "query" && !p.Bool("x-docker-undocumented")).Select(p => p.Str("name")!), StringComparer.Ordinal);

    public YamlMappingNode Responses => Node.Map("responses");

    public SortedSet<int> StatusCodes =>
        new(Responses.Children.Keys.Select(k => int.Parse(((YamlScalarNode)k).Value!)));

    public override string ToString() => $"{Method} {Path} ({Id})";
}

internal static class YamlNodeExtensions
{
    public static YamlNode? Get(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode Map(this YamlMappingNode node, string key) =>
        node.Get(key) as YamlMappingNode ?? throw new Xunit.Sdk.XunitException($"no mapping '{key}' at line {node.Start.Line}");

    public static YamlMappingNode? MapOrNull(this YamlMappingNode node, string key) => node.Get(key) as YamlMappingNode;

    public static YamlSequenceNode? Seq(this YamlMappingNode node, string key) => node.Get(key) as YamlSequenceNode;

    public static string? Str(this YamlMappingNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static bool Bool(this YamlMappingNode node, string key) => node.Str(key) == "true";

    /// <summary>Every node below <paramref name="node"/>, itself included.</summary>
    public static IEnumerable<YamlNode> Descendants(this YamlNode node)
    {
        yield return node;
        IEnumerable<YamlNode> children = node switch
        {
            YamlMappingNode map => map.Children.SelectMany(kv => new[] { kv.Key, kv.Value }),
            YamlSequenceNode seq => seq.Children,
            _ => [],
        };
        foreach (var child in children)
            foreach (var d in child.Descendants())
                yield return d;
    }

    /// <summary>Every <c>$ref</c> value below <paramref name="node"/>, with its line.</summary>
    public static IEnumerable<(string Ref, long Line)> Refs(this YamlNode node) =>
        node.Descendants().OfType<YamlMappingNode>()
            .Select(m => (Node: m.Get("$ref") as YamlScalarNode, m.Start.Line))
            .Where(x => x.Node is not null)
            .Select(x => (x.Node!.Value!, x.Line));
}
