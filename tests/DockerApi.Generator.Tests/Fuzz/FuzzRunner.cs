using System.Collections.Concurrent;
using System.Diagnostics;
using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerApi.Generator.Tests.Fuzz;

/// <summary>What one variant did: the rule is no crash, no hang, no compile error without a DAPI error to explain it.</summary>
internal enum FuzzOutcome
{
    /// <summary>Generated code that compiles, or DAPI errors that say why nothing was generated.</summary>
    Ok,

    /// <summary>The generator threw (CS8784/CS8785) or the run itself failed.</summary>
    Crash,

    /// <summary>Generating and compiling took longer than <see cref="FuzzRunner.HangSeconds"/>.</summary>
    Hang,

    /// <summary>The generated code does not compile and no DAPI error says why.</summary>
    SilentCompileError,

    /// <summary>DAPI099: a bug of the generator, reported as such.</summary>
    InternalError,
}

internal sealed record FuzzResult(int Index, string Base, string[] Mutations, FuzzOutcome Outcome, string Detail, string Spec);

/// <summary>Runs mutated specs through the generator and the compiler, two at a time (the machines have two cores).</summary>
internal static class FuzzRunner
{
    public const int HangSeconds = 10;

    /// <summary>The repository's specs, the small ones more often: v1.41 takes seconds to compile.</summary>
    private static readonly Lazy<(string Name, string Text)[]> Bases = new(() =>
        new[] { "1.0", "1.1", "1.2", "1.2", "1.0", "1.1", "1.2", "1.0", "1.1", "1.2", "1.2", "1.41" }
            .Select(v => ($"v{v}", File.ReadAllText(Path.Combine(DockerApi.Tests.RepositoryPaths.Spec, $"docker-v{v}.yaml")))).ToArray());

    public static IReadOnlyList<FuzzResult> Run(int seed, int count, bool withLargeSpec, int first = 0)
    {
        var results = new ConcurrentBag<FuzzResult>();
        Parallel.For(first, first + count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            // One Random per variant, from the seed and the index: a variant can be replayed alone, in any process
            // (HashCode.Combine would not do: it is seeded anew in each process).
            var random = new Random(unchecked(seed * 1_000_003 + i));
            var bases = withLargeSpec ? Bases.Value : Bases.Value.Where(b => b.Name != "v1.41").ToArray();
            var (name, text) = bases[random.Next(bases.Length)];
            var (mutated, applied) = SpecMutator.Mutate(text, random);
            var (outcome, detail) = Check(mutated);
            results.Add(new FuzzResult(i, name, applied, outcome, detail, mutated));
        });
        return [.. results.OrderBy(r => r.Index)];
    }

    /// <summary>
    /// The generator must finish within <see cref="HangSeconds"/>; compiling what it wrote (seconds for v1.41 on a
    /// busy machine) is the compiler's time, bounded apart.
    /// </summary>
    public static (FuzzOutcome Outcome, string Detail) Check(string spec)
    {
        // A thread of its own: on the pool, whose threads Parallel.For blocks in Wait, the work could sit queued past the
        // bound on a loaded machine and be taken for a hang before it started.
        var generate = Task.Factory.StartNew(() => GeneratorHarness.Run(new SpecFile("/fuzz/spec.yaml", spec)), TaskCreationOptions.LongRunning);
        try
        {
            if (!generate.Wait(TimeSpan.FromSeconds(HangSeconds)))
                return (FuzzOutcome.Hang, $"the generator ran over {HangSeconds} s");
        }
        catch (AggregateException e)
        {
            return (FuzzOutcome.Crash, e.InnerException!.GetType().Name + ": " + e.InnerException.Message);
        }
        var compile = Task.Factory.StartNew(() => Classify(generate.Result), TaskCreationOptions.LongRunning);
        return compile.Wait(TimeSpan.FromSeconds(10 * HangSeconds)) ? compile.Result : (FuzzOutcome.Hang, "compiling the output ran over 100 s");
    }

    private static (FuzzOutcome, string) Classify(GeneratorRun run)
    {
        if (run.GeneratorDiagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785") is { } crash)
            return (FuzzOutcome.Crash, crash.GetMessage());
        if (run.Diagnostics.FirstOrDefault(d => d.Id == "DAPI099") is { } internalError)
            return (FuzzOutcome.InternalError, internalError.GetMessage());
        // A DAPI error explains whatever does not compile (and with one, nothing is generated): no need to compile.
        if (run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("DAPI", StringComparison.Ordinal)))
            return (FuzzOutcome.Ok, "");
        var compileErrors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return compileErrors.Count > 0
            ? (FuzzOutcome.SilentCompileError, string.Join("; ", compileErrors.Take(3).Select(d => d.ToString())))
            : (FuzzOutcome.Ok, "");
    }

    /// <summary>Counts by outcome and, for each failing one, the first few variants with what they did.</summary>
    public static string Report(IReadOnlyList<FuzzResult> results, int seed, TimeSpan elapsed)
    {
        var lines = new List<string>
        {
            $"{results.Count} variants, seed {seed}, {elapsed.TotalSeconds:0} s: " +
            string.Join(", ", Enum.GetValues<FuzzOutcome>().Select(o => $"{results.Count(r => r.Outcome == o)} {o}")),
        };
        foreach (var failure in results.Where(r => r.Outcome != FuzzOutcome.Ok).GroupBy(r => r.Outcome))
        {
            foreach (var r in failure.Take(5))
                lines.Add($"  {r.Outcome} #{r.Index} ({r.Base}: {string.Join(", ", r.Mutations)}): {r.Detail}");
        }
        return string.Join("\n", lines);
    }

    public static Stopwatch Clock() => Stopwatch.StartNew();
}
