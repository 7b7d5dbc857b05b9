using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerApi.Generator.Tests.Emitting;

/// <summary>
/// Docker's published files of every API version in the reference (1.25 – 1.56), unmodified: generated code that
/// compiles with no warning, and no generator diagnostic above information.
/// </summary>
public sealed class PublishedSpecTests
{
    /// <summary>The versions of ../shared/reference/moby-swagger; one placeholder that skips when it is absent.</summary>
    public static TheoryData<string> Versions()
    {
        var reference = DockerApi.Tests.RepositoryPaths.Reference;
        var data = new TheoryData<string>();
        if (reference is null)
            data.Add("none");
        else
            foreach (var file in Directory.GetFiles(Path.Combine(reference, "moby-swagger"), "v*.yaml").Order(StringComparer.Ordinal))
                data.Add(Path.GetFileNameWithoutExtension(file)[1..]);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Versions))]
    public void Docker_s_published_file_generates_code_that_compiles_without_warnings(string version)
    {
        var reference = DockerApi.Tests.RepositoryPaths.Reference;
        Skip.If(reference is null, DockerApi.Tests.RepositoryPaths.ReferenceMissing);
        var path = Path.Combine(reference, "moby-swagger", $"v{version}.yaml");

        var run = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path)));

        run.AssertClean();
        // Information only: the operations whose connections speak another protocol (ProseStreams; /session from 1.31 on).
        var notGenerated = run.Diagnostics.Where(d => d.Id == "DAPI009").Select(d => d.GetMessage().Split(' ')[2]).Order().ToList();
        Assert.Equal(Version.Parse(version) < new Version(1, 31) ? ["ContainerAttachWebsocket"] : ["ContainerAttachWebsocket", "Session"], notGenerated);
        var ns = "DockerApi.V" + version.Replace('.', '_');
        Assert.Contains(run.Sources, s => s.HintName == $"{ns}.IContainerApi.g.cs");
        // Logs are container output in every version, whatever their schema says (ProseStreams, by route).
        Assert.Contains("LogsOutputAsync(this IContainerApi api", run.Readable($"{ns}.ContainerApiExtensions.g.cs"));
    }
}
