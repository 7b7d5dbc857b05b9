using System.Text.RegularExpressions;
using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerApi.Generator.Tests.Docs;

/// <summary>
/// Every C# sample of the generator's README compiles against the clients it generates (v1.2 and the newest), each as a
/// method of its own with the few names its sentence takes from around it declared first.
/// </summary>
public sealed partial class ReadmeSampleTests
{
    /// <summary>What each sample takes from the text around it, by the names it uses without declaring them.</summary>
    private static readonly (string Name, string Declaration)[] Surroundings =
    [
        ("services", "Microsoft.Extensions.DependencyInjection.IServiceCollection services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();"),
        ("endpoint", "DockerEndpoint endpoint = DockerEndpoint.Parse(\"unix:///var/run/docker.sock\");"),
        ("progress", "IProgress<DockerApi.V1_2.ProgressMessage>? progress = null;"),
        ("dockerfile", "Stream dockerfile = Stream.Null;"),
        ("id", "string id = \"c1\";"),
    ];

    [Fact]
    public void Every_sample_of_the_generator_README_compiles()
    {
        var readme = File.ReadAllText(Path.Combine(DockerApi.Tests.RepositoryPaths.Root, "generator", "DockerApi.Generator", "README.md"));
        var samples = CSharpBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(samples);

        var sources = samples.Select((sample, i) => Program(sample, i)).ToArray();
        GeneratorHarness.Driver([SpecFile.Repository("1.2", includeUndocumented: true), SpecFile.Repository(LatestVersion())])
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(sources), out var output, out _);

        var problems = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)) + "\n" + string.Join("\n----\n", sources));
    }

    /// <summary>A sample as a file: its usings at the top, its statements in an async method, the names it borrows declared.</summary>
    private static string Program(string sample, int index)
    {
        var usings = string.Concat(Regex.Matches(sample, @"^using [\w.]+;\n", RegexOptions.Multiline).Select(m => m.Value));
        var body = Regex.Replace(sample, @"^using [\w.]+;\n\n?", "", RegexOptions.Multiline);
        // The client a sample uses without making it is the one of the namespace it names.
        var docker = body.Contains("docker.") && !body.Contains("var docker")
            ? $"var docker = new {(usings.Contains("V1_2") ? "DockerApi.V1_2" : "DockerApi.V1_55")}.DockerClient(DockerEndpoint.Parse(\"unix:///var/run/docker.sock\"));\n"
            : "";
        var borrowed = string.Concat(Surroundings.Where(s => Regex.IsMatch(body, $@"(?<![\w.]){s.Name}\b") && !Regex.IsMatch(body, $@"var {s.Name}\b"))
            .Select(s => s.Declaration + "\n"));
        return $$"""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using DockerApi.Configuration;
            using DockerApi.Requests;
            using DockerApi.Streams;
            using DockerApi.Transport;
            {{usings}}
            namespace Readme;

            internal static class Sample{{index}}
            {
                // Qualified: a sample may import a generated namespace, whose Swarm Task keeps Docker's name.
                public static async System.Threading.Tasks.Task RunAsync()
                {
                    {{borrowed}}{{docker}}{{body}}
                }
            }
            """;
    }

    /// <summary>The version the README's samples name as the newest: <c>DockerApi.V1_55</c>.</summary>
    private static string LatestVersion() => "1.55";

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
