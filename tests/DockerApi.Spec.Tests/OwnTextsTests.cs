using System.Text.RegularExpressions;
using DockerApi.SpecImport;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Spec.Tests;

/// <summary>
/// The descriptions of the modern files are ours (<c>tools/DockerApi.SpecImport/Texts</c>): written once for the
/// newest version, carried to every version where the thing described is the same, and sharing no sentence with
/// Docker's prose.
/// </summary>
public sealed partial class OwnTextsTests
{
    private const int Words = 9; // "no sentence of more than eight words is the same as one of Docker's"

    [SkippableFact]
    public void No_run_of_nine_words_in_our_texts_is_in_Docker_s_file_of_the_same_version()
    {
        var reference = DockerApi.Tests.RepositoryPaths.Reference;
        Skip.If(reference is null, DockerApi.Tests.RepositoryPaths.ReferenceMissing);
        var copied = new List<string>();
        var checkedTexts = 0;
        foreach (var published in Directory.GetFiles(Path.Combine(reference, "moby-swagger"), "v*.yaml"))
        {
            var version = Path.GetFileNameWithoutExtension(published)[1..];
            // Docker's whole file as one run of words: a sentence of theirs anywhere in it is caught, whatever its key.
            var theirs = Runs(File.ReadAllText(published)).ToHashSet(StringComparer.Ordinal);
            foreach (var text in Texts(ShippedSpec.Load(ShippedSpec.Text(version))))
            {
                checkedTexts++;
                copied.AddRange(Sentences(text).SelectMany(Runs).Where(theirs.Contains).Select(run => $"{version}: \"{run}\" in \"{text}\""));
            }
        }

        Assert.True(checkedTexts > 32 * 1000, $"only {checkedTexts} texts were checked");
        Assert.True(copied.Count == 0, $"{copied.Count} runs of {Words} words are Docker's:\n" + string.Join("\n", copied.Distinct().Take(30)));
    }

    [Fact]
    public void The_check_finds_a_sentence_of_Docker_s_inside_ours()
    {
        var theirs = Runs("description: |\n    Return low-level information about a container,\n    formatted as JSON.").ToHashSet();
        Assert.Contains(Sentences("We *return* low-level information about a container, formatted as JSON!").SelectMany(Runs), theirs.Contains);
        Assert.DoesNotContain(Sentences("Returns everything the engine knows about one container.").SelectMany(Runs), theirs.Contains);
        // Values in code are facts, and a run does not cross one: a list of a filter's values is not a sentence.
        var values = Runs("status=(`created`|`restarting`|`running`|`removing`|`paused`|`exited`|`dead`) and more").ToHashSet();
        Assert.DoesNotContain(Sentences("`status` (`created`, `restarting`, `running`, `removing`, `paused`, `exited`, `dead`)").SelectMany(Runs), values.Contains);
    }

    [Fact]
    public void A_text_written_for_the_newest_version_reaches_every_older_version_that_has_the_same_thing()
    {
        var newest = Load(ShippedSpec.Text("1.56"));
        var oldest = Load(ShippedSpec.Text("1.25"));
        string? Text(YamlMappingNode root, string route, string key = "summary") =>
            SpecImporter.Features(root).Where(f => f.Key == route).Select(f => Scalar(f.Node, key)).SingleOrDefault();

        // The same route and parameter: the same text in 1.25 as in 1.56.
        Assert.NotNull(Text(newest, "GET /containers/json"));
        Assert.Equal(Text(newest, "GET /containers/json"), Text(oldest, "GET /containers/json"));
        Assert.Equal(Text(newest, "GET /containers/json query:all", "description"), Text(oldest, "GET /containers/json query:all", "description"));
        // Added later: described where it exists, absent where it does not.
        Assert.NotNull(Text(newest, "GET /images/json query:manifests", "description"));
        Assert.Null(Text(oldest, "GET /images/json query:manifests", "description"));
        // The same definition and property.
        var property = (YamlMappingNode root) => Scalar(OwnTexts.Resolve(Definition(root, "Mount"), "BindOptions.Propagation")!, "description");
        Assert.NotNull(property(newest));
        Assert.Equal(property(newest), property(oldest));
    }

    [Fact]
    public void Texts_land_on_operations_parameters_statuses_inline_types_definitions_and_enum_values()
    {
        var texts = OwnTexts.Load([
            """
            defaults:
              responses: { "500": "The engine failed." }
              pathParameters: { "/things/{id}": "The thing's id." }
            operations:
              GET /things/{id}:
                summary: "Reads a thing."
                parameters: { size: "Count its bytes." }
                responses: { "200": "The thing." }
                properties: { "200": "A thing as read.", "200 Parts[]": "One part.", "200 Parts.Name": "The part's name." }
            definitions:
              Kind:
                text: "What a thing is."
                values: { "": { a: "The first kind." } }
              Unused:
                text: "Describes nothing."
            """,
        ]);
        var root = Load("""
            paths:
              /things/{id}:
                get:
                  parameters:
                    - { name: id, in: path, type: string }
                    - { name: size, in: query, type: boolean }
                  responses:
                    "200": { schema: { type: object, properties: { Parts: { type: array, items: { type: object, properties: { Name: { type: string } } } } } } }
                    "500": {}
            definitions:
              Kind: { type: string, enum: [a, b] }
            """);

        texts.Apply(root);

        var op = SpecImporter.Features(root).Single(f => f.Key == "GET /things/{id}").Node;
        Assert.Equal("Reads a thing.", Scalar(op, "summary"));
        var parameters = SpecImporter.Features(root).Where(f => f.Key.Contains(':')).ToDictionary(f => f.Key, f => Scalar(f.Node, "description"));
        Assert.Equal("The thing's id.", parameters["GET /things/{id} path:id"]);
        Assert.Equal("Count its bytes.", parameters["GET /things/{id} query:size"]);
        var responses = (YamlMappingNode)op.Children[new YamlScalarNode("responses")];
        var ok = (YamlMappingNode)responses.Children[new YamlScalarNode("200")];
        Assert.Equal("The thing.", Scalar(ok, "description"));
        Assert.Equal("The engine failed.", Scalar((YamlMappingNode)responses.Children[new YamlScalarNode("500")], "description"));
        var schema = (YamlMappingNode)ok.Children[new YamlScalarNode("schema")];
        Assert.Equal("A thing as read.", Scalar(schema, "description"));
        Assert.Equal("One part.", Scalar(OwnTexts.Resolve(schema, "Parts[]")!, "description"));
        Assert.Equal("The part's name.", Scalar(OwnTexts.Resolve(schema, "Parts.Name")!, "description"));
        var kind = Definition(root, "Kind");
        Assert.Equal("What a thing is.", Scalar(kind, "description"));
        var values = (YamlMappingNode)kind.Children[new YamlScalarNode("x-docker-enum-descriptions")];
        Assert.Equal("The first kind.", Scalar(values, "a"));
        Assert.False(values.Children.ContainsKey(new YamlScalarNode("b")));
        Assert.Equal(["definitions.Unused.text"], texts.Unused);
    }

    [Fact]
    public void What_an_older_version_names_otherwise_takes_the_newer_texts_and_a_namesake_of_another_shape_none()
    {
        var texts = OwnTexts.Load([
            """
            operations:
              GET /things/{id}:
                shapes: { "200": Thing }
            definitions:
              Thing:
                text: "A thing."
                properties: { Name: "Its name." }
              OldThing:
                like: Thing
              Other:
                text: "A swarm object."
                properties: { ID: "Its id." }
            """,
        ]);
        var root = Load("""
            paths:
              /things/{id}:
                get:
                  responses:
                    "200": { schema: { type: object, properties: { Name: { type: string } } } }
            definitions:
              OldThing: { type: object, properties: { Name: { type: string } } }
              Other: { type: object, properties: { Hostname: { type: string } } }
            """);

        texts.Apply(root);

        var ok = (YamlMappingNode)((YamlMappingNode)SpecImporter.Features(root).Single().Node.Children[new YamlScalarNode("responses")]).Children[new YamlScalarNode("200")];
        var inline = (YamlMappingNode)ok.Children[new YamlScalarNode("schema")];
        Assert.Equal("A thing.", Scalar(inline, "description"));
        Assert.Equal("Its name.", Scalar(OwnTexts.Resolve(inline, "Name")!, "description"));
        Assert.Equal("Its name.", Scalar(OwnTexts.Resolve(Definition(root, "OldThing"), "Name")!, "description"));
        Assert.Null(Scalar(Definition(root, "Other"), "description")); // same name, none of the described properties
    }

    [Fact]
    public void A_text_given_twice_is_refused()
    {
        var twice = "operations:\n  GET /x:\n    summary: \"One.\"\n";
        Assert.Throws<InvalidDataException>(() => OwnTexts.Load([twice, twice]));
    }

    /// <summary>A text's sentences and clauses, without what is in code (<c>`…`</c>): names and values, not prose.</summary>
    private static IEnumerable<string> Sentences(string text) => Break().Split(text).Where(s => s.Length > 0);

    /// <summary>Every run of <see cref="Words"/> words of a text, lower case, punctuation and markup left out.</summary>
    private static IEnumerable<string> Runs(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        for (var i = 0; i + Words <= words.Count; i++)
            yield return string.Join(' ', words.Skip(i).Take(Words));
    }

    /// <summary>Our texts in a shipped file: every description and summary, and every enum value's description.</summary>
    private static IEnumerable<string> Texts(YamlMappingNode root) =>
        root.AllNodes.OfType<YamlMappingNode>().SelectMany(m => m.Children
            .Where(c => c.Key is YamlScalarNode { Value: "description" or "summary" } && c.Value is YamlScalarNode)
            .Select(c => ((YamlScalarNode)c.Value).Value!)
            .Concat(m.Children.Where(c => c.Key is YamlScalarNode { Value: "x-docker-enum-descriptions" })
                .SelectMany(c => ((YamlMappingNode)c.Value).Children.Values.OfType<YamlScalarNode>().Select(v => v.Value!))));

    private static YamlMappingNode Definition(YamlMappingNode root, string name) =>
        (YamlMappingNode)((YamlMappingNode)root.Children[new YamlScalarNode("definitions")]).Children[new YamlScalarNode(name)];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static YamlMappingNode Load(string text) => ShippedSpec.Load(text);

    [GeneratedRegex(@"`[^`]*`|[.;:!?]\s")]
    private static partial Regex Break();

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Word();
}
