using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using DockerApi.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DockerApi.Benchmarks;

/// <summary>
/// 5. The generator: a full run over our three specs, over Docker's published v1.41 file, a rerun after an unrelated
/// edit, and the IDE loop on the newest shipped spec: a rerun after a one-line edit of one definition's description.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private AdditionalText[] _ours = [];
    private AdditionalText[] _published = [];
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _warmNewest = null!;
    private AdditionalText _newest = null!;
    private AdditionalText _newestEdited = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = Repository.Root;
        _ours = new[] { "1.0", "1.1", "1.2" }.Select(v => (AdditionalText)new Text(Path.Combine(root, "spec", $"docker-v{v}.yaml"))).ToArray();
        var published = Path.GetFullPath(Path.Combine(root, "..", "shared", "reference", "moby-swagger", "v1.41.yaml"));
        _published = File.Exists(published) ? [new Text(published)] : throw new FileNotFoundException("Docker's published v1.41 file is read from ../shared/reference beside the clone", published);
        _compilation = CSharpCompilation.Create("Consumer", [CSharpSyntaxTree.ParseText("class A { }")]);
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }"));
        _warm = Driver(_ours).RunGenerators(_compilation);
        var newest = Directory.GetFiles(Path.Combine(root, "spec"), "docker-v*.yaml").MaxBy(f => Version.Parse(Path.GetFileNameWithoutExtension(f)["docker-v".Length..]))!;
        _newest = new Text(newest);
        _newestEdited = new Text(newest, EditOneDescription(File.ReadAllText(newest)));
        _warmNewest = Driver([_newest]).RunGenerators(_compilation);
    }

    [Benchmark(Description = "three 2013 specs, full run")]
    public GeneratorDriver OurSpecs() => Driver(_ours).RunGenerators(_compilation);

    [Benchmark(Description = "published v1.41, full run")]
    public GeneratorDriver PublishedSpec() => Driver(_published).RunGenerators(_compilation);

    [Benchmark(Description = "three specs, rerun after an unrelated edit")]
    public GeneratorDriver IncrementalRerun() => _warm.RunGenerators(_edited);

    [Benchmark(Description = "newest spec, rerun after a one-line description edit")]
    public GeneratorDriver NewestAfterOneLineEdit() => _warmNewest.ReplaceAdditionalText(_newest, _newestEdited).RunGenerators(_compilation);

    /// <summary>A description line added to the first definition (what typing in an IDE does; the shipped files carry none).</summary>
    private static string EditOneDescription(string yaml)
    {
        var lines = yaml.Split('\n').ToList();
        var definitions = lines.FindIndex(l => l.StartsWith("definitions:", StringComparison.Ordinal));
        var first = lines.FindIndex(definitions + 1, l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal));
        lines.Insert(first + 1, "    description: \"Edited.\"");
        return string.Join('\n', lines);
    }

    private static GeneratorDriver Driver(AdditionalText[] specs) =>
        CSharpGeneratorDriver.Create([new DockerApiGenerator().AsSourceGenerator()], specs, optionsProvider: new SpecOptions());

    private sealed class Text(string path, string? content = null) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content ?? File.ReadAllText(path));

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>What the package's props make visible: every file here is a spec.</summary>
    private sealed class SpecOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Spec = new(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.DockerApiSpec", "true"));

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Spec;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
