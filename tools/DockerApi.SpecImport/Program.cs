using DockerApi.SpecImport;

// dotnet run --project tools/DockerApi.SpecImport -- ../shared/reference/moby-swagger spec
//   every published vX.Y.yaml of the folder to spec/docker-vX.Y.yaml, with x-docker-since from the versions before it
// dotnet run --project tools/DockerApi.SpecImport -- <published swagger.yaml> <output .yaml>
//   one file on its own (no x-docker-since)
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: DockerApi.SpecImport <moby-swagger folder> <spec folder> | <published swagger.yaml> <output .yaml>");
    return 2;
}
if (Directory.Exists(args[0]))
{
    var published = Directory.GetFiles(args[0], "v*.yaml")
        .Select(path => new SpecImporter.Published(Path.GetFileNameWithoutExtension(path)[1..], Path.GetFileName(path), File.ReadAllText(path)));
    foreach (var (version, yaml) in SpecImporter.ImportAll(published))
    {
        var output = Path.Combine(args[1], $"docker-v{version}.yaml");
        File.WriteAllText(output, yaml);
        Console.WriteLine($"Wrote {output}");
    }
    return 0;
}
File.WriteAllText(args[1], SpecImporter.Import(File.ReadAllText(args[0]), Path.GetFileName(args[0])));
Console.WriteLine($"Wrote {args[1]}");
return 0;
