using DockerApi.Generator.Tests.Infrastructure;

namespace DockerApi.Generator.Tests.Emitting;

/// <summary>Every file emitted for each of our specs equals its reviewed snapshot (Snapshots/v1.X/*.verified.cs).</summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("1.2")]
    public void Every_emitted_file_matches_its_snapshot(string version) => MatchSnapshots(version, _ => true);

    /// <summary>
    /// For Docker's 1.41 file the API surface only: the interfaces, their implementations and extensions, where the
    /// streams of <c>ProseStreams</c> show. Its ~300 records are plain properties, covered by the compile tests.
    /// </summary>
    [Fact]
    public void The_v1_41_api_surface_matches_its_snapshot() =>
        MatchSnapshots("1.41", name => name.EndsWith("Api", StringComparison.Ordinal) || name.EndsWith("ApiClient", StringComparison.Ordinal)
            || name.EndsWith("ApiExtensions", StringComparison.Ordinal) || name.EndsWith(".DockerClient", StringComparison.Ordinal));

    private static void MatchSnapshots(string version, Func<string, bool> include)
    {
        var run = GeneratorHarness.Run(SpecFile.Repository(version));
        var folder = SnapshotAssert.Folder("v" + version);
        var sources = run.Sources.Select(s => (Name: s.HintName[..^".g.cs".Length], Text: s.SourceText.ToString()))
            .Where(s => include(s.Name)).ToList();
        Assert.NotEmpty(sources);

        var failures = sources.Select(s => SnapshotAssert.Check(s.Text, folder, s.Name)).OfType<string>()
            .Concat(SnapshotAssert.Stale(folder, sources.Select(s => s.Name)))
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
