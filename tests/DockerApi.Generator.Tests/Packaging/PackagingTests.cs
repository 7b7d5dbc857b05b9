using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using DockerApi.Tests;

namespace DockerApi.Generator.Tests.Packaging;

/// <summary>
/// The two packages as a user gets them: pack into a folder feed, reference them by version from a new project
/// (net8.0 and net10.0, nullable, AOT analysis, warnings as errors) with a built-in and an own spec, build, run.
/// </summary>
public sealed class PackagingTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("dockerapi-pack-").FullName;
    private readonly string _version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    [Fact]
    public void Packed_generator_and_runtime_build_and_run_in_a_new_consumer_project()
    {
        var feed = Path.Combine(_work, "feed");
        Dotnet(DockerApi.Tests.RepositoryPaths.Root, $"pack generator/DockerApi.Generator -c Release -o \"{feed}\" -p:Version={_version}");
        Dotnet(DockerApi.Tests.RepositoryPaths.Root, $"pack runtime/DockerApi.Runtime -c Release -o \"{feed}\" -p:Version={_version}");
        Dotnet(DockerApi.Tests.RepositoryPaths.Root, $"pack highlevel/DockerApi -c Release -o \"{feed}\" -p:Version={_version}");

        AssertGeneratorPackageLayout(Path.Combine(feed, $"DockerApi.Generator.{_version}.nupkg"));
        AssertRuntimePackageLayout(Path.Combine(feed, $"DockerApi.Runtime.{_version}.nupkg"));
        AssertHighLevelPackageLayout(Path.Combine(feed, $"DockerApi.{_version}.nupkg"));
        foreach (var package in new[] { "DockerApi.Generator", "DockerApi.Runtime", "DockerApi" })
        {
            using var zip = ZipFile.OpenRead(Path.Combine(feed, $"{package}.{_version}.nupkg"));
            Assert.Contains("LICENSE", zip.Entries.Select(e => e.FullName));
            Assert.Contains("Apache License, Version 2.0", ReadEntry(zip, "NOTICE"));
        }
        Assert.True(File.Exists(Path.Combine(feed, $"DockerApi.Runtime.{_version}.snupkg")));
        Assert.True(File.Exists(Path.Combine(feed, $"DockerApi.{_version}.snupkg")));

        var consumer = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsAotCompatible>true</IsAotCompatible>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DockerApi.Generator" Version="{_version}" PrivateAssets="all" />
                <PackageReference Include="DockerApi.Runtime" Version="{_version}" />
                <DockerApiVersion Include="1.2" />
                <DockerApiVersion Include="latest" Tags="Containers;Images;System" />
                <DockerApiSpec Include="pets.yaml" Namespace="Consumer.Pets" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "pets.yaml"), """
            swagger: "2.0"
            info:
              title: "Pet daemon"
              version: "1.0"
            paths:
              /pets/{name}:
                get:
                  operationId: "PetInspect"
                  tags: ["Pet"]
                  parameters:
                    - name: "name"
                      in: "path"
                      required: true
                      type: "string"
                  responses:
                    200:
                      description: "The pet."
                      schema:
                        $ref: "#/definitions/Pet"
            definitions:
              Pet:
                type: "object"
                properties:
                  Name:
                    type: "string"
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using System.Net;
            using System.Net.Sockets;
            using System.Text;
            using DockerApi.Transport;

            // A one-request daemon on loopback: answers GET /v1.2/version as docker 0.4.4 did.
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var daemon = Task.Run(async () =>
            {
                using var socket = await listener.AcceptSocketAsync();
                var buffer = new byte[4096];
                var request = Encoding.ASCII.GetString(buffer, 0, await socket.ReceiveAsync(buffer));
                var body = request.StartsWith("GET /v1.2/version ") ? "{\"Version\":\"0.4.4\",\"GoVersion\":\"go1.1\"}" : "wrong request";
                await socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
            });

            using var docker = new DockerApi.V1_2.DockerClient(DockerEndpoint.Parse($"tcp://127.0.0.1:{port}"));
            var version = await docker.System.VersionAsync();
            await daemon;
            var areas = string.Join(",", typeof(DockerApi.V1_55.DockerClient).GetProperties().Where(p => p.PropertyType.Name.EndsWith("Api")).Select(p => p.Name).Order());
            Console.WriteLine($"daemon {version.Version} ({version.GoVersion}); own spec: {typeof(Consumer.Pets.IPetApi).FullName}; latest: {DockerApi.V1_55.DockerClient.ApiVersion} ({areas})");
            """);

        Dotnet(consumer, "build -c Release");
        var output = Dotnet(consumer, "run -c Release --no-build -f net10.0");
        Assert.Equal("daemon 0.4.4 (go1.1); own spec: Consumer.Pets.IPetApi; latest: 1.55 (Containers,Images,System)",
            output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("daemon ", StringComparison.Ordinal)));

        // A user of the high-level client: the DockerApi package alone, nothing generated in the consumer.
        var user = Path.Combine(_work, "user");
        Directory.CreateDirectory(user);
        File.Copy(Path.Combine(consumer, "nuget.config"), Path.Combine(user, "nuget.config"));
        File.WriteAllText(Path.Combine(user, "User.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DockerApi" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(user, "Program.cs"), """
            using DockerApi;

            var options = new ContainerOptions { Environment = new Dictionary<string, string> { ["A"] = "b" }, Pull = PullPolicy.Never };
            Console.WriteLine($"high-level: {typeof(Docker).Assembly.GetName().Name}, newest {DockerApi.Latest.DockerClient.ApiVersion}, 2013 {DockerApi.V1_2.DockerClient.ApiVersion}, pull {options.Pull}");
            """);
        Dotnet(user, "build -c Release");
        Assert.Contains("high-level: DockerApi, newest 1.55, 2013 1.2, pull Never", Dotnet(user, "run -c Release --no-build -f net10.0"));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(user, "obj"), "*.g.cs", SearchOption.AllDirectories), f => f.Contains("DockerApi.Latest", StringComparison.Ordinal));
    }

    /// <summary>
    /// The docs a user of the package reads in the editor (the high-level client and the clients built into it, 2013 and
    /// newest): no member's text is a gap by the docs test's rules (a stand-in of the generator's, its own name, empty).
    /// </summary>
    private static void AssertDocumented(string xml)
    {
        var members = System.Xml.Linq.XDocument.Parse(xml).Descendants("member").ToList();
        var gaps = new List<string>();
        foreach (var member in members)
        {
            var name = (string)member.Attribute("name")!;
            var shortName = name.Split('(')[0].Split('.', ':')[^1];
            foreach (var element in member.Elements().Where(e => !e.IsEmpty))
            {
                if (Docs.GeneratedDocsTests.Gap(shortName, name.StartsWith("T:", StringComparison.Ordinal), element.Name.LocalName, string.Concat(element.Nodes())) is { } gap)
                    gaps.Add($"{name} <{element.Name}>: {gap}");
            }
        }
        Assert.True(members.Count > 1000, $"only {members.Count} documented members");
        Assert.True(gaps.Count == 0, $"{gaps.Count} members of the packed DockerApi.xml lack a text of their own:\n" + string.Join("\n", gaps.Take(40)));
    }

    private static void AssertHighLevelPackageLayout(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net8.0/DockerApi.dll", entries);
        Assert.Contains("lib/net10.0/DockerApi.xml", entries);
        Assert.Contains("README.md", entries);
        AssertDocumented(ReadEntry(zip, "lib/net10.0/DockerApi.xml"));
        var nuspec = ReadEntry(zip, "DockerApi.nuspec");
        Assert.Contains("<dependency id=\"DockerApi.Runtime\"", nuspec);
        // The generator built the clients in; it is not a dependency of the user's project.
        Assert.DoesNotContain("DockerApi.Generator", nuspec);
    }

    [Fact]
    public void Latest_is_the_newest_released_shipped_version()
    {
        var targets = File.ReadAllText(Path.Combine(DockerApi.Tests.RepositoryPaths.Root, "generator", "DockerApi.Generator", "build", "DockerApi.Generator.targets"));
        var preReleases = System.Text.RegularExpressions.Regex.Match(targets, "<DockerApiPreReleaseVersions>(.*)</DockerApiPreReleaseVersions>").Groups[1].Value
            .Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Version.Parse).ToList();
        var shipped = Directory.GetFiles(DockerApi.Tests.RepositoryPaths.Spec, "docker-v*.yaml")
            .Select(f => Version.Parse(Path.GetFileNameWithoutExtension(f)["docker-v".Length..])).ToList();
        var newest = shipped.Except(preReleases).Max()!;
        Assert.Contains($"<DockerApiLatestVersion>{newest.ToString(2)}</DockerApiLatestVersion>", targets);
        // A pre-release is a file that ships, newer than every release.
        Assert.All(preReleases, p => Assert.True(shipped.Contains(p) && p > newest, $"{p} is listed as a pre-release"));
    }

    private static void AssertGeneratorPackageLayout(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/DockerApi.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.Contains("build/DockerApi.Generator.props", entries);
        Assert.Contains("build/DockerApi.Generator.targets", entries);
        var shipped = Directory.GetFiles(DockerApi.Tests.RepositoryPaths.Spec, "docker-v*.yaml").Select(f => "specs/" + Path.GetFileName(f)).Order();
        Assert.Equal(shipped, entries.Where(e => e.StartsWith("specs/", StringComparison.Ordinal)).Order());
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        var nuspec = ReadEntry(zip, "DockerApi.Generator.nuspec");
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec);
        Assert.DoesNotContain("<dependency ", nuspec);

        // Visual Studio loads analyzers in its own host: every reference must be one it supplies, or packed beside.
        var packed = entries.Where(e => e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)).Select(e => Path.GetFileNameWithoutExtension(e)).ToHashSet();
        var hostSupplied = new HashSet<string> { "netstandard", "mscorlib", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable", "System.Memory", "System.Runtime.CompilerServices.Unsafe", "System.Buffers" };
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)))
        {
            foreach (var reference in References(entry))
                Assert.True(packed.Contains(reference) || hostSupplied.Contains(reference), $"{entry.Name} references {reference}, which neither the host nor the package supplies");
        }
    }

    private static void AssertRuntimePackageLayout(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net8.0/DockerApi.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/DockerApi.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/DockerApi.Runtime.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("icon.png", entries);
        var nuspec = ReadEntry(zip, "DockerApi.Runtime.nuspec");
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.Contains("<icon>icon.png</icon>", nuspec);
        Assert.Contains("id=\"Refit\" version=\"16.4.0\"", nuspec);
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static List<string> References(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        using (var source = entry.Open())
            source.CopyTo(stream);
        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }

    private static string Dotnet(string directory, string arguments)
    {
        var start = new ProcessStartInfo(TestPrograms.Dotnet, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host runs under `dotnet test`; its MSBuild settings must not leak into these builds.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"dotnet {arguments} did not finish in 5 minutes");
        }
        var output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, $"dotnet {arguments} failed ({process.ExitCode}):\n{output}");
        return output;
    }

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
        // Test versions must not pile up in the machine's package cache.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "dockerapi.generator", "dockerapi.runtime" })
        {
            var folder = Path.Combine(cache, id, _version);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
