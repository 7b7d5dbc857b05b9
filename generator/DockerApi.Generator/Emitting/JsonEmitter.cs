using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DockerApi.Generator.Model;
using DockerApi.Generator.Names;

namespace DockerApi.Generator.Emitting;

/// <summary>
/// JSON metadata without reflection: a read and a write method per type, and a resolver that hands out
/// <c>JsonTypeInfo</c>s built on them with <c>JsonMetadataServices</c> — trim- and AOT-safe.
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
                w.Line($"    JsonMetadataServices.CreateValueInfo<{type}>(options, new DockerJsonConverter<{type}>({TypeNames.Reader(root)}, {TypeNames.Writer(root)}));");
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
            EmitObjectRead(w, model, type);
            w.Line();
            EmitObjectWrite(w, type);
        }
    }

    private static void EmitObjectRead(SourceWriter w, ApiModel model, ApiType type)
    {
        var properties = type.Properties.ToList();
        var required = properties.Select((p, i) => (p, i)).Where(x => x.p.Required).Select(x => x.i.ToString(CultureInfo.InvariantCulture)).ToList();
        w.Line($"private static readonly JsonPropertyNames Names = new({string.Join(", ", properties.Select(p => CSharpText.Literal(p.WireName)))})"
            + (required.Count > 0 ? $" {{ Required = [{string.Join(", ", required)}] }};" : ";"));
        w.Line();
        using (w.Block($"public static {type.Name} Read(ref Utf8JsonReader reader, JsonSerializerOptions options)"))
        {
            w.Line($"DockerJson.ExpectObject(ref reader, \"{type.Name}\");");
            var taken = new HashSet<string> { "reader", "options", "Names", "extensionData", "property" };
            var locals = properties.Select(p => (Property: p, Local: Naming.Unique(Naming.Camel(p.Name).TrimStart('@') + "Value", taken))).ToList();
            foreach (var (p, local) in locals)
            {
                w.Line($"{TypeNames.CSharp(p.Type.AsNullable(true))} {local} = default;");
                if (p.Required)
                    w.Line($"var {Has(local)} = false;");
            }
            if (type.KeepsUnknownMembers)
                w.Line("Dictionary<string, JsonElement>? extensionData = null;");
            using (w.Block("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)"))
            {
                // Unknown members and nulls are kept (index -1), so that a newer daemon's fields survive a read-modify-write;
                // messages of a stream, never written back, skip them.
                var find = $"DockerJson.FindValue(ref reader, Names, ignoreCase: {(model.CaseInsensitiveJson ? "true" : "false")}{(type.KeepsUnknownMembers ? ", ref extensionData" : "")})";
                if (properties.Count == 0)
                    w.Line($"{find};");
                else
                    EmitPropertySwitch(w, locals, find);
            }
            foreach (var (p, local) in locals.Where(l => l.Property.Required))
                w.Line($"if (!{Has(local)}) throw DockerJson.MissingProperty(\"{type.Name}\", {CSharpText.Literal(p.WireName)});");
            w.Line($"return new {type.Name}");
            w.OpenBrace();
            foreach (var (p, local) in locals)
            {
                var value = p.Required && !p.Type.Nullable
                    ? (p.Type.IsValueType ? $"{local}.GetValueOrDefault()" : $"{local}!")
                    : local;
                w.Line($"{p.Name} = {value},");
            }
            if (type.KeepsUnknownMembers)
                w.Line("ExtensionData = extensionData,");
            w.CloseBrace(";");
        }
    }

    private static void EmitPropertySwitch(SourceWriter w, List<(ApiProperty Property, string Local)> locals, string find)
    {
        w.Line($"var property = {find};");
        // The path of a bad value ($.State.Running) is built on the way out: one converter reads the whole answer, so STJ only knows "$".
        w.Line("try");
        w.OpenBrace();
        using (w.Block("switch (property)"))
        {
            for (var index = 0; index < locals.Count; index++)
            {
                var (p, local) = locals[index];
                w.Line($"case {index}:");
                // A required property may not be null either: read it with the non-null reader.
                w.Line($"    {local} = {TypeNames.Read(p.Required ? p.Type : p.Type.AsNullable(true), "reader", "options")};");
                if (p.Required)
                    w.Line($"    {Has(local)} = true;");
                w.Line("    break;");
            }
        }
        w.CloseBrace();
        w.Line("catch (JsonException e)");
        w.OpenBrace();
        w.Line("throw DockerJson.InProperty(e, Names, property);");
        w.CloseBrace();
    }

    private static string Has(string local) => "has" + char.ToUpperInvariant(local[0]) + local.Substring(1, local.Length - "Value".Length - 1);

    private static void EmitObjectWrite(SourceWriter w, ApiType type)
    {
        using (w.Block($"public static void Write(Utf8JsonWriter writer, {type.Name} value, JsonSerializerOptions options)"))
        {
            w.Line("writer.WriteStartObject();");
            var properties = type.Properties.ToList();
            for (var index = 0; index < properties.Count; index++)
            {
                var p = properties[index];
                var nonNull = p.Type.AsNullable(false);
                // Names as they were read, nulls where the daemon sent null (Go's nil list or map included).
                var writeName = type.KeepsUnknownMembers
                    ? $"DockerJson.WritePropertyName(writer, {CSharpText.Literal(p.WireName)}u8, value.ExtensionData, Names, {index});"
                    : $"writer.WritePropertyName({CSharpText.Literal(p.WireName)}u8);";
                var asRead = $"DockerJson.WriteAsRead(writer, value.ExtensionData, Names, {index})";
                if (p.Type.Nullable)
                {
                    var local = "p" + index.ToString(CultureInfo.InvariantCulture);
                    using (w.Block($"if (value.{p.Name} is {{ }} {local})"))
                    {
                        w.Line(writeName);
                        w.Line(TypeNames.Write(nonNull, "writer", local, "options"));
                    }
                    if (type.KeepsUnknownMembers)
                    {
                        w.Line("else");
                        w.Line($"    {asRead};");
                    }
                }
                else if (type.KeepsUnknownMembers && p.Type.Kind is TypeRefKind.List or TypeRefKind.Map)
                {
                    using (w.Block($"if (value.{p.Name}.Count > 0 || !{asRead})"))
                    {
                        w.Line(writeName);
                        w.Line(TypeNames.Write(nonNull, "writer", $"value.{p.Name}", "options"));
                    }
                }
                else
                {
                    w.Line(writeName);
                    w.Line(TypeNames.Write(nonNull, "writer", $"value.{p.Name}", "options"));
                }
            }
            if (type.KeepsUnknownMembers)
                w.Line("DockerJson.WriteExtensionData(writer, value.ExtensionData, Names);");
            w.Line("writer.WriteEndObject();");
        }
    }
}
