using DockerApi.Generator.Names;

namespace DockerApi.Generator.Tests.Parsing;

/// <summary>A generated type never shadows a runtime type that generated code or its users name unqualified.</summary>
public sealed class FrameworkNamesTests
{
    [Fact]
    public void Every_public_runtime_type_name_is_kept_from_generated_types()
    {
        var runtime = typeof(DockerApi.DockerException).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested)
            .Select(t => t.Name.Split('`')[0]);

        var missing = runtime.Where(name => !Naming.FrameworkNames.Contains(name)).Order().ToList();

        Assert.True(missing.Count == 0, "Add to Naming.FrameworkNames: " + string.Join(", ", missing));
        Assert.Equal("DockerApiExceptionModel", Naming.TypeName("DockerApiException"));
    }
}
