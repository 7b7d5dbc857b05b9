using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// What Docker's published files mean by schemas that Swagger alone leaves open: values that are always <c>{}</c>,
/// array items named only by their Go type, and the misplaced map of the 1.25 – 1.30 files. Listed in spec/README.md.
/// </summary>
internal static class DockerShapes
{
    /// <summary>
    /// Properties that are Go's <c>struct{}</c>, declared as a bare <c>type: object</c>: a service's global modes,
    /// whose presence is the whole message (<c>"Mode": {"Global": {}}</c>).
    /// </summary>
    public static readonly IReadOnlyCollection<string> EmptyStructProperties = new HashSet<string> { "Global", "GlobalJob" };

    /// <summary>
    /// <c>x-go-type</c> items without a schema (the disk-usage lists of API 1.52 and later), by the Go package of the
    /// definition they stand in and the Go type name, to the definition that describes that Go type.
    /// </summary>
    private static readonly Dictionary<string, string> GoTypes = new()
    {
        ["container.Summary"] = "ContainerSummary",
        ["image.Summary"] = "ImageSummary",
        ["volume.Volume"] = "Volume",
        ["build.CacheRecord"] = "BuildCache",
    };

    /// <summary>A value that is always <c>{}</c>: an object whose only allowed value is the empty one (<c>enum: [{}]</c>).</summary>
    public static bool IsEmptyObject(YamlMappingNode schema) =>
        schema.Seq("enum") is { Children.Count: 1 } values && values.Children[0] is YamlMappingNode { Children.Count: 0 };

    /// <summary>
    /// The value schema of a map that the 1.25 – 1.30 files declare as a property named <c>additionalProperties</c>
    /// (<c>Volumes: {type: object, properties: {additionalProperties: {…}}}</c>); null for any other properties.
    /// </summary>
    public static YamlMappingNode? MisplacedMapValue(YamlNode? properties) =>
        properties is YamlMappingNode { Children.Count: 1 } map && map.Children.First() is { Key: YamlScalarNode { Value: "additionalProperties" }, Value: YamlMappingNode value }
            ? value
            : null;

    /// <summary>
    /// The definition a schema-less <c>x-go-type: {type: …}</c> stands for, given the Go package of the definition
    /// it appears in (<c>x-go-package</c>): from the table, else the definition named like the type; null when none.
    /// </summary>
    public static string? GoTypeDefinition(YamlMappingNode goType, string? goPackage, System.Func<string, bool> defined)
    {
        if (goType.Str("type") is not { } type)
            return null;
        var package = goPackage?.Substring(goPackage.LastIndexOf('/') + 1) ?? "";
        if (GoTypes.TryGetValue(package + "." + type, out var known) && defined(known))
            return known;
        return defined(type) ? type : null;
    }
}
