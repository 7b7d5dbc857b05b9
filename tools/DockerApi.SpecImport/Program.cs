using DockerApi.SpecImport;

// dotnet run --project tools/DockerApi.SpecImport -- ../shared/reference/moby-swagger/v1.41.yaml spec/docker-v1.41.yaml
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: DockerApi.SpecImport <published swagger.yaml> <output .yaml>");
    return 2;
}
File.WriteAllText(args[1], SpecImporter.Import(File.ReadAllText(args[0]), Path.GetFileName(args[0])));
Console.WriteLine($"Wrote {args[1]}");
return 0;
