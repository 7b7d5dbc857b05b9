using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerApi.Benchmarks.CompileCost;

/// <summary>Processor time of this process (every thread) since the last lap.</summary>
internal sealed class ProcessorClock
{
    private TimeSpan _last = Now();

    public static ProcessorClock Start() => new();

    public double Lap()
    {
        var now = Now();
        var lap = (now - _last).TotalMilliseconds;
        _last = now;
        return lap;
    }

    private static TimeSpan Now() => Process.GetCurrentProcess().TotalProcessorTime;
}

/// <summary>Loads an analyzer assembly into this process, as the compiler server does.</summary>
internal sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
}

/// <summary>The MSBuild properties the SDK hands analyzers (<c>build_property.*</c>), the same for every file.</summary>
internal sealed class MSBuildProperties(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    private readonly Options _global = new(values);
    private static readonly Options None = new([]);

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
