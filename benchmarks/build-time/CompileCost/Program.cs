using System.Collections.Immutable;
using System.Text;
using DockerApi.Benchmarks.CompileCost;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

// CompileCost RUNS [--analyzer DLL] DIR...
// Compiles the *.cs of each DIR against the assemblies its references.txt lists (one path a line), the DIRs taken in
// turn, RUNS times after one warm-up, as a consumer's build does — nullable on,
// debug, documentation comments not parsed (no /doc) — and prints the median processor time of each phase:
// parsing, binding (all diagnostics), emitting (binding again, lowering, IL and PDB), and the analyzers of DLL (the
// trim and AOT analyzers that IsAotCompatible turns on), each phase on a compilation of its own. Processor time,
// not wall time: it is what a 2-core VM's neighbours disturb least.
var runs = int.Parse(args[0]);
var rest = args.Skip(1).ToList();
var analyzers = ImmutableArray<DiagnosticAnalyzer>.Empty;
if (rest.IndexOf("--analyzer") is var at and >= 0)
{
    analyzers = new AnalyzerFileReference(rest[at + 1], new AnalyzerLoader()).GetAnalyzers(LanguageNames.CSharp);
    rest.RemoveRange(at, 2);
}
var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None);
var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable,
    optimizationLevel: OptimizationLevel.Debug, concurrentBuild: true);
var analyzerOptions = new AnalyzerOptions([], new MSBuildProperties(new Dictionary<string, string>
{
    ["build_property.EnableTrimAnalyzer"] = "true",
    ["build_property.EnableSingleFileAnalyzer"] = "true",
    ["build_property.EnableAotAnalyzer"] = "true",
    ["build_property.IsAotCompatible"] = "true",
}));

var times = rest.ToDictionary(dir => dir, _ => new List<double[]>());
for (var run = 0; run <= runs; run++)
{
    foreach (var dir in rest)
    {
        var phases = Measure(dir);
        if (run > 0) // the first is the warm-up: the compiler's own code is jitted then
            times[dir].Add(phases);
    }
}
Console.WriteLine($"{"sources",-24} {"parse",9} {"bind",9} {"emit",9} {"analyzers",10}   (ms of processor time, median of {runs})");
foreach (var dir in rest)
{
    var median = Enumerable.Range(0, 4).Select(i => times[dir].Select(t => t[i]).Order().ElementAt(runs / 2)).ToArray();
    Console.WriteLine($"{Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)),-24} {median[0],9:F0} {median[1],9:F0} {median[2],9:F0} {median[3],10:F0}");
}

double[] Measure(string dir)
{
    var clock = ProcessorClock.Start();
    var trees = Directory.GetFiles(dir, "*.cs").AsParallel()
        .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f), Encoding.UTF8), parseOptions, f)).ToArray();
    var parse = clock.Lap();
    var references = File.ReadAllLines(Path.Combine(dir, "references.txt")).Where(l => l.Length > 0)
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    var errors = Compile(trees, references).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    var bind = clock.Lap();
    if (errors.Count > 0)
        throw new InvalidOperationException($"{dir} does not compile: {errors[0]}");
    Compile(trees, references).Emit(new MemoryStream(), new MemoryStream(), options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
    var emit = clock.Lap();
    if (analyzers.Length > 0)
        Compile(trees, references).WithAnalyzers(analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    var analyze = clock.Lap();
    GC.Collect();
    return [parse, bind, emit, analyze];
}

CSharpCompilation Compile(SyntaxTree[] trees, MetadataReference[] references) =>
    CSharpCompilation.Create("Consumer", trees, references, options);
