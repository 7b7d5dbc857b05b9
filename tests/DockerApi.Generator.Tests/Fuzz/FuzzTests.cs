namespace DockerApi.Generator.Tests.Fuzz;

/// <summary>
/// The generator over mutated specs (see <see cref="SpecMutator"/>): no crash, no hang over 10 s, no compile error in
/// generated code without a DAPI error explaining it, no DAPI099. CI runs a fixed-seed sample; the long run is
/// <c>DOCKERAPI_FUZZ_VARIANTS=10000 dotnet test tests/DockerApi.Generator.Tests --filter FullyQualifiedName~FuzzTests</c>
/// (optionally <c>DOCKERAPI_FUZZ_SEED</c>, <c>DOCKERAPI_FUZZ_FIRST</c> and <c>DOCKERAPI_FUZZ_LARGE=1</c> to replay
/// one variant of a long run, <c>DOCKERAPI_FUZZ_REPORT=file</c> for the counts and
/// <c>DOCKERAPI_FUZZ_FAILURES=folder</c> for the specs that failed), whose last counts
/// are in <c>Fuzz/RESULTS.md</c>.
/// </summary>
public sealed class FuzzTests
{
    private const int CiVariants = 160;
    private const int CiSeed = 20261129;

    [Fact]
    public void Mutated_specs_never_crash_hang_or_compile_wrong_silently()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("DOCKERAPI_FUZZ_VARIANTS"), out var n) ? n : CiVariants;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DOCKERAPI_FUZZ_SEED"), out var s) ? s : CiSeed;
        var clock = FuzzRunner.Clock();

        // The long run includes v1.41; the CI sample keeps to the small specs to stay well under two minutes.
        var first = int.TryParse(Environment.GetEnvironmentVariable("DOCKERAPI_FUZZ_FIRST"), out var f) ? f : 0;
        var large = Environment.GetEnvironmentVariable("DOCKERAPI_FUZZ_LARGE") is { } l ? l == "1" : count > CiVariants;
        var results = FuzzRunner.Run(seed, count, large, first);

        var report = FuzzRunner.Report(results, seed, clock.Elapsed);
        if (Environment.GetEnvironmentVariable("DOCKERAPI_FUZZ_REPORT") is { Length: > 0 } path)
            File.WriteAllText(path, report + "\n");
        // Each failing variant's spec, to replay it alone and keep the smallest as a regular test.
        if (Environment.GetEnvironmentVariable("DOCKERAPI_FUZZ_FAILURES") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            foreach (var failure in results.Where(r => r.Outcome != FuzzOutcome.Ok))
                File.WriteAllText(Path.Combine(folder, $"{failure.Index}-{failure.Outcome}.yaml"), failure.Spec);
        }
        Assert.True(results.All(r => r.Outcome == FuzzOutcome.Ok), report);
        Assert.Equal(count, results.Count);
        Assert.Equal(first + count - 1, results[^1].Index);
    }
}
