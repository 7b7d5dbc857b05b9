using DockerApi.SpecImport;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Spec.Tests;

/// <summary>spec/docker-v1.41.yaml is Docker's published file with the prose left out, and nothing else changed.</summary>
public sealed class ImportedSpecTests
{
    private static string Published()
    {
        var reference = DockerApi.Tests.RepositoryPaths.Reference;
        Skip.If(reference is null, DockerApi.Tests.RepositoryPaths.ReferenceMissing);
        return File.ReadAllText(Path.Combine(reference, "moby-swagger", "v1.41.yaml"));
    }

    private static string Ours() => File.ReadAllText(Path.Combine(DockerApi.Tests.RepositoryPaths.Spec, "docker-v1.41.yaml"));

    [SkippableFact]
    public void The_committed_file_is_what_the_import_tool_makes()
    {
        Assert.Equal(SpecImporter.Import(Published(), "v1.41.yaml"), Ours().Replace("\r\n", "\n"));
    }

    [SkippableFact]
    public void Only_prose_was_removed_and_secrets_marked()
    {
        var published = Load(Published());
        var ours = Load(Ours());
        foreach (var marked in Marked(ours))
            marked.Children.Remove(new YamlScalarNode("x-docker-sensitive"));
        // The same tree once the prose keys are gone from the published one (and our own title set).
        SpecImporter.MarkNameMaps(published);
        SpecImporter.Strip(published);
        ((YamlMappingNode)published.Children[new YamlScalarNode("info")]).Children[new YamlScalarNode("title")] = new YamlScalarNode("Docker Engine API");
        Assert.Equal(Canonical(published), Canonical(ours));
        Assert.Equal(106, ((YamlMappingNode)ours.Children[new YamlScalarNode("paths")]).Children.Values.Cast<YamlMappingNode>().Sum(p => p.Children.Count));
    }

    [Fact]
    public void The_imported_file_holds_no_prose_of_Docker_s()
    {
        var ours = Load(Ours());
        var prose = ours.AllNodes.OfType<YamlMappingNode>()
            .SelectMany(m => m.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is "summary" or "example" or "examples" && m.Children[k] is YamlScalarNode or YamlMappingNode))
            .Select(k => $"{k.Value} at line {k.Start.Line}");
        Assert.Empty(prose);
    }

    [Fact]
    public void Every_secret_is_marked_sensitive()
    {
        var marked = Marked(Load(Ours())).Select(m => m.Start.Line).ToList();
        var lines = Ours().Replace("\r\n", "\n").Split('\n');
        // The line above each mark's schema names the property: password, the join tokens, a secret's data, tokens, unlock keys.
        var names = marked.Select(line => lines[line - 2].Trim().TrimEnd(':')).Order(StringComparer.Ordinal);
        Assert.Equal(["Data", "IdentityToken", "JoinToken", "Manager", "UnlockKey", "UnlockKey", "Worker", "password"], names);
    }

    private static IEnumerable<YamlMappingNode> Marked(YamlMappingNode root) =>
        root.AllNodes.OfType<YamlMappingNode>().Where(m => m.Children.ContainsKey(new YamlScalarNode("x-docker-sensitive"))).ToList();

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Canonical(YamlNode node) => node switch
    {
        YamlScalarNode scalar => "'" + scalar.Value + "'",
        YamlSequenceNode sequence => "[" + string.Join(",", sequence.Children.Select(Canonical)) + "]",
        YamlMappingNode map => "{" + string.Join(",", map.Children.Select(kv => Canonical(kv.Key) + ":" + Canonical(kv.Value))) + "}",
        _ => "",
    };
}
