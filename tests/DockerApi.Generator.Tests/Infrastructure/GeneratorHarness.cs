using System.Collections.Immutable;
using DockerApi.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DockerApi.Generator.Tests.Infrastructure;

/// <summary>A spec file as the generator sees it: path, text, and the metadata of its MSBuild item.</summary>
internal sealed record SpecFile(string Path, string Text, string? Namespace = null, bool IncludeUndocumented = false, string? Tags = null)
{
    /// <summary>The text the driver was given, so that a test can replace exactly it.</summary>
    public AdditionalText Additional { get; } = new InMemoryAdditionalText(Path, Text);

    public static SpecFile Repository(string version, bool includeUndocumented = false) =>
        new($"/repo/spec/docker-v{version}.yaml", File.ReadAllText(System.IO.Path.Combine(DockerApi.Tests.RepositoryPaths.Spec, $"docker-v{version}.yaml")),
            IncludeUndocumented: includeUndocumented);
}

/// <summary>Runs <see cref="DockerApiGenerator"/> over spec files and compiles what it emits.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p))]);

    // Documentation diagnostics on: a consumer that builds its XML docs must get no warning from generated code either.
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create("Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<SpecFile> specs, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new DockerApiGenerator().AsSourceGenerator()],
            specs.Select(s => s.Additional),
            ParseOptions,
            new SpecOptionsProvider(specs.ToList()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratorRun Run(params SpecFile[] specs)
    {
        var driver = Driver(specs).RunGeneratorsAndUpdateCompilation(Compilation("namespace Consumer { internal static class Placeholder { } }"), out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), (CSharpCompilation)output, generatorDiagnostics);
    }
}

internal sealed record GeneratorRun(GeneratorDriverRunResult Result, CSharpCompilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>
    /// A generated file as a reader names its types, for assertions on shape: the <c>global::</c> qualifiers that
    /// emitted code writes dropped (<c>Task&lt;Stream&gt;</c>, not <c>global::System.Threading.Tasks.Task&lt;…&gt;</c>).
    /// </summary>
    public string Readable(string hintName)
    {
        var text = Source(hintName);
        // The namespaces emitted code qualifies with: those of the emitters' outside names, and the generated ones.
        var namespaces = typeof(DockerApi.Generator.Emitting.Global).GetFields()
            .Select(f => (string)f.GetRawConstantValue()!)
            .Select(name => name.Count(c => c == '.') == 0 ? name : name[..name.LastIndexOf('.')])
            .Concat(Sources.Select(s => "global::" + s.HintName[..s.HintName.LastIndexOf('.', s.HintName.Length - ".g.cs".Length - 1)]))
            .Distinct().OrderByDescending(n => n.Length);
        foreach (var ns in namespaces)
            text = text.Replace(ns + ".", "", StringComparison.Ordinal);
        return text;
    }

    /// <summary>Errors and warnings of compiling the generated code (with nullable analysis on).</summary>
    public IReadOnlyList<Diagnostic> CompileProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>The compiled output loaded into a collectible context of its own, to run the generated code.</summary>
    public System.Reflection.Assembly Load()
    {
        using var image = new MemoryStream();
        var emitted = Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext(Output.AssemblyName, isCollectible: true).LoadFromStream(image);
    }

    /// <summary>No warning or error from the generator (information, such as DAPI009, is allowed) and none from compiling its output.</summary>
    public void AssertClean()
    {
        var problems = Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Concat(CompileProblems()).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(40)));
    }
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>The MSBuild metadata the package's props make visible: DockerApiSpec, Namespace, IncludeUndocumented, Tags.</summary>
internal sealed class SpecOptionsProvider(IReadOnlyList<SpecFile> specs) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        var spec = specs.FirstOrDefault(s => s.Path == textFile.Path);
        if (spec is null)
            return GlobalOptions;
        var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.DockerApiSpec"] = "true" };
        if (spec.Namespace is not null)
            values["build_metadata.AdditionalFiles.Namespace"] = spec.Namespace;
        if (spec.IncludeUndocumented)
            values["build_metadata.AdditionalFiles.IncludeUndocumented"] = "true";
        if (spec.Tags is not null)
            values["build_metadata.AdditionalFiles.Tags"] = spec.Tags;
        return new Options(values);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
