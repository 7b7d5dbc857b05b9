using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using DockerApi.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerApi.HighLevel.Tests;

/// <summary>
/// The C# of the README's "Use it in your project" compiles against the DockerApi assembly as a user's program; the
/// everyday-tasks block is as short as the README says and runs on the CI engine.
/// </summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void The_quick_start_sample_compiles_as_a_console_program()
    {
        // The one name the sample takes from its surroundings: the bytes it writes.
        var program = Regex.Replace(Blocks()[0], @"^((using [^\n]+\n)+)", "$1var bytes = new byte[16];\n");
        Compile(program, OutputKind.ConsoleApplication);
    }

    [Fact]
    public void The_everyday_tasks_take_the_lines_the_README_says_at_most_a_third_of_81()
    {
        var lines = Blocks()[1].TrimEnd('\n').Split('\n').Length;
        Assert.Contains($"in {lines} lines", Section());
        Assert.InRange(lines, 1, 81 / 3);
        Compile(Blocks()[1], OutputKind.ConsoleApplication);
    }

    [Theory]
    [InlineData("highlevel/DockerApi/README.md")]
    [InlineData("emulator/README.md")]
    public void The_package_and_emulator_README_samples_compile(string readme)
    {
        var text = File.ReadAllText(Path.Combine(DockerApi.Tests.RepositoryPaths.Root, readme));
        var samples = CSharpBlock().Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            var program = sample.StartsWith("using ", StringComparison.Ordinal) ? sample : "using DockerApi.Emulator;\n" + sample;
            Compile(program, OutputKind.ConsoleApplication);
        }
    }

    [SkippableFact]
    public async Task The_everyday_tasks_run_on_the_CI_engine()
    {
        var registry = Environment.GetEnvironmentVariable("DOCKERAPI_TEST_REGISTRY");
        Skip.If(string.IsNullOrEmpty(registry), "no CI registry to pull from: DOCKERAPI_TEST_REGISTRY is not set (`.ci/dockerd start <dir>`)");
        await using var daemon = await Engines.ConnectAsync("engine");
        var work = Directory.CreateTempSubdirectory("dockerapi-everyday-").FullName;
        var saved = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        Environment.SetEnvironmentVariable("DOCKER_CONFIG", work);
        try
        {
            // What the block pulls, on the CI registry (no engine here reaches Docker Hub).
            var image = $"{registry}/hl/everyday:1";
            await daemon.Docker.LoginAsync(new RegistryCredential(registry!, "tester", "s3cret"));
            await daemon.Docker.Images.TagAsync(daemon.Image, image);
            await daemon.Docker.Images.PushAsync(image);
            Directory.CreateDirectory(Path.Combine(work, "site"));
            await File.WriteAllTextAsync(Path.Combine(work, "site", "index.html"), "hello");
            var before = await daemon.ContainerIdsAsync(image);

            var program = Blocks()[1]
                .Replace("Docker.ConnectAsync()", $"Docker.ConnectAsync(\"{daemon.Docker.Endpoint}\")")
                .Replace("\"busybox\"", $"\"{image}\"")
                .Replace("\"./", $"\"{work}/");
            var output = await RunAsync(Compile(program, OutputKind.ConsoleApplication));

            Assert.Contains("start", output);
            Assert.Equal(12, File.ReadAllText(Path.Combine(work, "out", "hostname")).Trim().Length);
            Assert.Equal(before, await daemon.ContainerIdsAsync(image));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_CONFIG", saved);
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Section()
    {
        var readme = File.ReadAllText(Path.Combine(DockerApi.Tests.RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Use it in your project", StringComparison.Ordinal)..];
        return section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
    }

    private static List<string> Blocks()
    {
        var blocks = CSharpBlock().Matches(Section()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, blocks.Count);
        return blocks;
    }

    private static byte[] Compile(string program, OutputKind kind)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat([typeof(Docker).Assembly.Location, typeof(DockerException).Assembly.Location, typeof(DockerApi.Emulator.EmulatedDaemon).Assembly.Location])
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));
        // A console project's implicit usings, as `dotnet new console` has them.
        const string implicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; "
            + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("ReadmeSample", [CSharpSyntaxTree.ParseText(program, parse), CSharpSyntaxTree.ParseText(implicitUsings, parse)],
            references, new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var emitted = compilation.Emit(output);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)) + "\n" + program);
        Assert.Empty(emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return output.ToArray();
    }

    /// <summary>Runs a compiled top-level program in a collectible context, with its console output captured.</summary>
    private static async Task<string> RunAsync(byte[] assembly)
    {
        var context = new AssemblyLoadContext("readme", isCollectible: true);
        var saved = Console.Out;
        using var output = new StringWriter();
        try
        {
            var entry = context.LoadFromStream(new MemoryStream(assembly)).EntryPoint!;
            Console.SetOut(output);
            var result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            if (result is Task task)
                await task;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        finally
        {
            Console.SetOut(saved);
            context.Unload();
        }
        return output.ToString();
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
