using DockerApi.Generator.Tests.Infrastructure;

namespace DockerApi.Generator.Tests.Emitting;

/// <summary>Every file emitted for each of our specs equals its reviewed snapshot (Snapshots/v1.X/*.verified.cs).</summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("1.2")]
    public void Every_emitted_file_matches_its_snapshot(string version)
    {
        var run = GeneratorHarness.Run(SpecFile.Repository(version));
        var folder = SnapshotAssert.Folder("v" + version);
        var sources = run.Sources.Select(s => (Name: s.HintName[..^".g.cs".Length], Text: s.SourceText.ToString())).ToList();

        var failures = sources.Select(s => SnapshotAssert.Check(s.Text, folder, s.Name)).OfType<string>()
            .Concat(SnapshotAssert.Stale(folder, sources.Select(s => s.Name)))
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
