using Microsoft.CodeAnalysis;

namespace DockerApi.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Each message says how to fix the spec.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "DockerApi.Spec";

    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "DAPI001", "The spec is not valid YAML",
        "The spec is not valid YAML: {0}. Fix the YAML at this position.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownRef = new(
        "DAPI002", "Unknown $ref",
        "'$ref: {0}' does not name a definition of this file. Use '#/definitions/<Name>' with a name under 'definitions'.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateOperationId = new(
        "DAPI003", "Duplicate operationId",
        "operationId '{0}' is already used by {1}. Give each operation a unique operationId.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UndeclaredPathParameter = new(
        "DAPI004", "Path parameter not declared",
        "The path '{0}' has the parameter '{{{1}}}' but the operation declares no 'in: path' parameter named '{1}'. Declare it, with 'required: true'.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        "DAPI005", "Unsupported schema construct",
        "{0} is not supported here, so {1} is generated as JsonElement ({2})",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidSpec = new(
        "DAPI006", "The spec is not a usable Swagger 2.0 document",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidExtension = new(
        "DAPI007", "Invalid vendor extension value",
        "'{0}: {1}' is not a known value; use one of: {2}. See spec/README.md.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingOperationId = new(
        "DAPI008", "Operation without operationId",
        "The operation {0} has no operationId. Add one in NounVerb form, such as ContainerList.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OperationNotGenerated = new(
        "DAPI009", "Operation not generated",
        "The operation {0} ({1}) is not generated: it needs {2}",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BudgetExceeded = new(
        "DAPI010", "The spec is cyclic or too deep",
        "{0}. The generator stops here rather than take the compiler down; {1}.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameChanged = new(
        "DAPI011", "Name changed",
        "'{0}' cannot be used as {1} in C#: {2}; it is generated as '{3}'. The wire name is unchanged.",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor StreamWithoutErrors = new(
        "DAPI012", "JSON stream without in-band errors",
        "The messages of the JSON stream of {0} have no string 'error' property (nor 'errorDetail.message'), so an error the daemon reports inside a 200 answer cannot be raised. Add 'error: {{type: string}}' to the message schema.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FreeFormValue = new(
        "DAPI013", "Free-form JSON value",
        "{0} is an object with no properties, so it can hold any JSON and is generated as JsonElement. Describe its properties to get a typed value.",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownTag = new(
        "DAPI014", "Unknown tag in Tags",
        "Tags names '{0}', which is not a tag of this spec (its tags: {1}); nothing is selected by it",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RuntimeMissing = new(
        "DAPI015", "DockerApi.Runtime is not referenced",
        "The generated Docker client needs the DockerApi.Runtime package, which this project does not reference: add <PackageReference Include=\"DockerApi.Runtime\" Version=\"{0}\" />. Nothing is generated until it is there.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "DAPI099", "The generator failed",
        "The DockerApi generator failed on this spec: {0}. This is a bug in the generator; please report it with the spec.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Every descriptor, once: diagnostics travel as data with their id and are looked up here (a test keeps it complete).</summary>
    public static readonly DiagnosticDescriptor[] All =
    {
        YamlSyntax, UnknownRef, DuplicateOperationId, UndeclaredPathParameter, UnsupportedSchema, InvalidSpec, InvalidExtension,
        MissingOperationId, OperationNotGenerated, BudgetExceeded, NameChanged, StreamWithoutErrors, FreeFormValue, UnknownTag, RuntimeMissing, InternalError,
    };

    private static readonly System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> Table =
        System.Linq.Enumerable.ToDictionary(All, d => d.Id);

    public static DiagnosticDescriptor ById(string id) => Table[id];
}
