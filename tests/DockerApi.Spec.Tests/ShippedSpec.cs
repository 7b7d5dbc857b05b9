using YamlDotNet.RepresentationModel;

namespace DockerApi.Spec.Tests;

/// <summary>The shipped spec files, as text and as YAML, for the tests of the import and of our texts.</summary>
internal static class ShippedSpec
{
    public static string Text(string version) => File.ReadAllText(Path.Combine(DockerApi.Tests.RepositoryPaths.Spec, $"docker-v{version}.yaml"));

    public static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
