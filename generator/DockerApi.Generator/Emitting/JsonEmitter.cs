using System.Collections.Generic;
using System.Linq;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary>
/// JSON metadata without reflection: a property table with a read and a write line per type, and a resolver that
/// hands out <c>JsonTypeInfo</c>s built on them with <c>JsonMetadataServices</c> — trim- and AOT-safe.
/// </summary>
internal static class JsonEmitter
{
    public static string Emit(ApiModel model)
    {
        var w = new SourceWriter().FileHeader(model.Namespace, "System", "System.Collections.Generic", "System.Text.Json",
            "System.Text.Json.Serialization.Metadata", "DockerApi.Generated", "DockerApi.Serialization");
        EmitContext(w, model);
        foreach (var type in model.Types)
        {
            w.Line();
            EmitTypeSerializer(w, model, type);
        }
        return w.ToString();
    }

    private static void EmitContext(SourceWriter w, ApiModel model)
    {
        var roots = model.Types.Select(t => new TypeRef(TypeRefKind.Named, false, t.Name, NamedKind: t.Kind))
            .Concat(model.JsonRoots.Where(r => !(r.Kind == TypeRefKind.Named && !r.Nullable)))
            .GroupBy(TypeNames.InfoName).Select(g => g.First())
            .OrderBy(TypeNames.InfoName, System.StringComparer.Ordinal)
            .ToList();

        XmlDoc.Summary(w, $"Reflection-free JSON metadata for the types of {model.Title} {model.ApiVersion}.", "");
        using (w.Block("public sealed partial class DockerJsonContext : IJsonTypeInfoResolver"))
        {
            w.Line("/// <summary>The shared instance.</summary>");
            w.Line("public static DockerJsonContext Default { get; } = new();");
            w.Line();
            w.Line("/// <summary>Creates a context with its own options.</summary>");
            w.Line("public DockerJsonContext() => Options = new JsonSerializerOptions { TypeInfoResolver = this };");
            w.Line();
            w.Line("/// <summary>The options the type infos of this context belong to.</summary>");
            w.Line("public JsonSerializerOptions Options { get; }");
            foreach (var root in roots)
            {
                var name = TypeNames.InfoName(root);
                var type = TypeNames.CSharp(root);
                w.Line();
                w.Line($"private JsonTypeInfo<{type}>? _{name};");
                w.Line();
                w.Line($"/// <summary>Metadata for <c>{XmlDoc.Escape(type)}</c>.</summary>");
                w.Line($"public JsonTypeInfo<{type}> {name} => _{name} ??= Create_{name}(Options);");
                w.Line();
                // "Create_": no info property can have an underscore inside (type names are Pascal), so a type named
                // CreateThing and the factory of Thing never meet.
                w.Line($"private static JsonTypeInfo<{type}> Create_{name}(JsonSerializerOptions options) =>");
                var converter = root.Kind == TypeRefKind.Named && !root.Nullable ? $"{root.Name}Json.Read, {root.Name}Json.Write" : TypeNames.Value(root);
                w.Line($"    JsonMetadataServices.CreateValueInfo<{type}>(options, new DockerJsonConverter<{type}>({converter}));");
            }
            w.Line();
            w.Line("/// <inheritdoc />");
            using (w.Block("public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)"))
            {
                w.Line("var own = ReferenceEquals(options, Options);");
                // typeof() has no nullable reference annotations: one entry per runtime type, the non-null info first.
                foreach (var group in roots.GroupBy(r => TypeNames.CSharp(r.IsValueType ? r : r.AsNullable(false))))
                {
                    var name = TypeNames.InfoName(group.OrderBy(r => r.Nullable).First());
                    w.Line($"if (type == typeof({group.Key}))");
                    w.Line($"    return own ? {name} : Create_{name}(options);");
                }
                w.Line("return null;");
            }
        }
    }

    private static void EmitTypeSerializer(SourceWriter w, ApiModel model, ApiType type)
    {
        w.Line($"/// <summary>Reads and writes <see cref=\"{type.Name}\"/>.</summary>");
        using (w.Block($"internal static class {type.Name}Json"))
        {
            switch (type.Kind)
            {
                case TypeKind.IntEnum:
                    w.Line($"public static {type.Name} Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => ({type.Name})DockerJson.ReadInt32(ref reader, options);");
                    w.Line();
                    w.Line($"public static void Write(Utf8JsonWriter writer, {type.Name} value, JsonSerializerOptions options) => writer.WriteNumberValue((int)value);");
                    return;
                case TypeKind.StringEnum:
                    w.Line($"public static {type.Name} Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => new(DockerJson.ReadRequiredString(ref reader, options));");
                    w.Line();
                    w.Line($"public static void Write(Utf8JsonWriter writer, {type.Name} value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);");
                    return;
            }
            EmitObjectShape(w, model, type);
            w.Line();
            EmitObjectRead(w, type);
            w.Line();
            EmitObjectWrite(w, type);
        }
    }

    /// <summary>
    /// The property table: the runtime's loop (<c>JsonObjectShape</c>) reads and writes the values, so a consumer's
    /// compiler and trim analyzer see a table and three one-line members per type instead of a reader and a writer.
    /// </summary>
    private static void EmitObjectShape(SourceWriter w, ApiModel model, ApiType type) =>
        ListArgument(w, "",
            $"private static readonly JsonObjectShape _shape = new(\"{type.Name}\", ignoreCase: {Bool(model.CaseInsensitiveJson)}, keepsUnknownMembers: {Bool(type.KeepsUnknownMembers)},",
            // An optional property's null never reaches its value (the loop makes it null); a required one reads it itself.
            type.Properties.Select(p => $"new({CSharpText.Literal(p.WireName)}, {TypeNames.Value(p.Required ? p.Type : p.Type.AsNullable(false))}{(p.Required ? ", Required: true" : "")})"));

    private static void EmitObjectRead(SourceWriter w, ApiType type)
    {
        w.Line($"public static {type.Name} Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => _shape.Read(ref reader, options, Create);");
        w.Line();
        w.Line($"private static {type.Name} Create(object?[] values, IReadOnlyDictionary<string, JsonElement>? extensionData) => new()");
        w.OpenBrace();
        var index = 0;
        foreach (var p in type.Properties)
            w.Line($"{p.Name} = ({TypeNames.CSharp(p.Type)})values[{index++}]{(p.Type.Nullable ? "" : "!")},");
        if (type.KeepsUnknownMembers)
            w.Line("ExtensionData = extensionData,");
        w.CloseBrace(";");
    }

    private static void EmitObjectWrite(SourceWriter w, ApiType type)
    {
        w.Line($"public static void Write(Utf8JsonWriter writer, {type.Name} value, JsonSerializerOptions options) =>");
        ListArgument(w, "    ", $"_shape.Write(writer, options, {(type.KeepsUnknownMembers ? "value.ExtensionData" : "null")},",
            type.Properties.Select(p => $"value.{p.Name}"));
    }

    /// <summary>Ends <paramref name="head"/>, a call whose last argument is a list, with the list's items one a line (or <c>[]</c>).</summary>
    private static void ListArgument(SourceWriter w, string indent, string head, IEnumerable<string> items)
    {
        var lines = items.ToList();
        if (lines.Count == 0)
        {
            w.Line($"{indent}{head} []);");
            return;
        }
        w.Line(indent + head);
        w.Line(indent + "[");
        foreach (var line in lines)
            w.Line($"{indent}    {line},");
        w.Line(indent + "]);");
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
