using DockerApi.SpecImport;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Spec.Tests;

/// <summary>
/// spec/docker-vX.Y.yaml (1.25 – 1.56) are Docker's published files with the prose left out and ours written in,
/// secrets and <c>x-docker-since</c> marked, and nothing else changed.
/// </summary>
public sealed class ImportedSpecTests
{
    private static string PublishedFolder()
    {
        var reference = DockerApi.Tests.RepositoryPaths.Reference;
        Skip.If(reference is null, DockerApi.Tests.RepositoryPaths.ReferenceMissing);
        return Path.Combine(reference, "moby-swagger");
    }

    private static string Published(string version = "1.41") => File.ReadAllText(Path.Combine(PublishedFolder(), $"v{version}.yaml"));

    private static string Ours(string version = "1.41") => ShippedSpec.Text(version);

    [SkippableFact]
    public void Every_committed_file_is_what_the_import_tool_makes_of_the_published_ones()
    {
        var published = Directory.GetFiles(PublishedFolder(), "v*.yaml")
            .Select(f => new SpecImporter.Published(Path.GetFileNameWithoutExtension(f)[1..], Path.GetFileName(f), File.ReadAllText(f)));
        var imported = SpecImporter.ImportAll(published);

        Assert.Equal(32, imported.Count); // every published version, 1.25 – 1.56
        foreach (var (version, yaml) in imported)
            Assert.True(yaml == Ours(version).Replace("\r\n", "\n"), $"spec/docker-v{version}.yaml is not what the tool makes: rerun it (spec/README.md)");
        var shipped = Directory.GetFiles(DockerApi.Tests.RepositoryPaths.Spec, "docker-v1.*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)["docker-v".Length..])
            .Where(v => Version.Parse(v) >= new Version(1, 25)).Order();
        Assert.Equal(imported.Select(i => i.Version).Order(), shipped);
    }

    [SkippableFact]
    public void Only_prose_was_removed_and_secrets_streams_and_versions_marked()
    {
        var published = Load(Published());
        var ours = Load(Ours());
        string[] marks = ["x-docker-sensitive", "x-docker-since", "x-docker-enum-descriptions"];
        foreach (var marked in marks.SelectMany(m => Marked(ours, m)).Distinct())
        {
            foreach (var mark in marks)
                marked.Children.Remove(new YamlScalarNode(mark));
        }
        // Our texts out as well: what remains must be Docker's protocol, unchanged.
        SpecImporter.MarkNameMaps(ours);
        SpecImporter.Strip(ours);
        ((YamlMappingNode)ours.Children[new YamlScalarNode("info")]).Children[new YamlScalarNode("title")] = new YamlScalarNode("Docker Engine API");
        // The same tree once the prose keys are gone from the published one (and our own title set).
        SpecImporter.MarkNameMaps(published);
        SpecImporter.Strip(published);
        SpecImporter.MarkStreams(published);
        ((YamlMappingNode)published.Children[new YamlScalarNode("info")]).Children[new YamlScalarNode("title")] = new YamlScalarNode("Docker Engine API");
        Assert.Equal(Canonical(published), Canonical(ours));
        Assert.Equal(106, ((YamlMappingNode)ours.Children[new YamlScalarNode("paths")]).Children.Values.Cast<YamlMappingNode>().Sum(p => p.Children.Count));
    }

    [Fact]
    public void Streams_Docker_gives_in_prose_are_marked_in_the_shipped_file()
    {
        var operations = SpecImporter.Features(Load(Ours())).Where(f => !f.Key.Contains(':', StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Node);
        string? Extension(string route, string name) =>
            operations[route].Children.TryGetValue(new YamlScalarNode(name), out var value) ? ((YamlScalarNode)value).Value : null;

        Assert.Equal("json-progress", Extension("POST /images/create", "x-docker-stream"));
        Assert.Contains("#/definitions/CreateImageInfo", Canonical((YamlMappingNode)((YamlMappingNode)operations["POST /images/create"].Children[new YamlScalarNode("responses")]).Children[new YamlScalarNode("200")]));
        Assert.Equal("json-values", Extension("GET /events", "x-docker-stream"));
        Assert.Equal("hijack-upgrade", Extension("POST /exec/{id}/start", "x-docker-stream"));
        Assert.Equal("binary", Extension("GET /containers/{id}/logs", "x-docker-stream"));
        Assert.Equal("multiplexed", Extension("GET /containers/{id}/logs", "x-docker-framing"));
        // What this client cannot speak is left unmarked: the generator's table says why it is skipped (DAPI009).
        Assert.Null(Extension("GET /containers/{id}/attach/ws", "x-docker-stream"));
    }

    [SkippableFact]
    public void Since_marks_the_first_published_version_of_each_operation_and_parameter()
    {
        _ = PublishedFolder();
        var v155 = Load(Ours("1.55"));
        var since = SpecImporter.Features(v155)
            .Where(f => f.Node.Children.ContainsKey(new YamlScalarNode("x-docker-since")))
            .ToDictionary(f => f.Key, f => ((YamlScalarNode)f.Node.Children[new YamlScalarNode("x-docker-since")]).Value);
        Assert.Equal("1.42", since["PUT /volumes/{name}"]);
        Assert.Equal("1.40", since["HEAD /_ping"]);
        Assert.Equal("1.41", since["GET /containers/{id}/stats query:one-shot"]);
        // Added between the files the reference once lacked (Docker's version history): each now marks its own version.
        Assert.Equal("1.29", since["GET /services/{id} query:insertDefaults"]);
        Assert.Equal("1.31", since["POST /build/prune"]);
        Assert.Equal("1.35", since["GET /containers/{id}/logs query:until"]);
        Assert.DoesNotContain("GET /containers/json", since.Keys); // in 1.25, the oldest published file
        // The oldest file has nothing older to compare with, so it has no marks at all.
        Assert.Empty(Marked(Load(Ours("1.25")), "x-docker-since"));
    }

    [Fact]
    public void The_imported_file_holds_no_example_of_Docker_s()
    {
        var ours = Load(Ours());
        var prose = ours.AllNodes.OfType<YamlMappingNode>()
            .SelectMany(m => m.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is "example" or "examples" && m.Children[k] is YamlScalarNode or YamlMappingNode))
            .Select(k => $"{k.Value} at line {k.Start.Line}");
        Assert.Empty(prose);
    }

    [Fact]
    public void Every_secret_is_marked_sensitive()
    {
        var marked = Marked(Load(Ours()), "x-docker-sensitive").Select(m => m.Start.Line).ToList();
        var lines = Ours().Replace("\r\n", "\n").Split('\n');
        // The line above each mark's schema names the property: password, the join tokens, a secret's data, tokens, unlock keys.
        var names = marked.Select(line => lines[line - 2].Trim().TrimEnd(':')).Order(StringComparer.Ordinal);
        Assert.Equal(["Data", "IdentityToken", "JoinToken", "Manager", "UnlockKey", "UnlockKey", "Worker", "password"], names);
    }

    private static IEnumerable<YamlMappingNode> Marked(YamlMappingNode root, string mark) =>
        root.AllNodes.OfType<YamlMappingNode>().Where(m => m.Children.ContainsKey(new YamlScalarNode(mark))).ToList();

    private static YamlMappingNode Load(string text) => ShippedSpec.Load(text);

    private static string Canonical(YamlNode node) => node switch
    {
        YamlScalarNode scalar => "'" + scalar.Value + "'",
        YamlSequenceNode sequence => "[" + string.Join(",", sequence.Children.Select(Canonical)) + "]",
        YamlMappingNode map => "{" + string.Join(",", map.Children.Select(kv => Canonical(kv.Key) + ":" + Canonical(kv.Value))) + "}",
        _ => "",
    };
}
