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
        var w = new SourceWriter().FileHeader(model.Namespace);
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
        // Non-null forms first: typeof() has no nullable reference annotations, and the table finds the first of a type.
        var roots = model.Types.Select(t => new TypeRef(TypeRefKind.Named, false, t.Name, NamedKind: t.Kind))
            .Concat(model.JsonRoots.Where(r => !(r.Kind == TypeRefKind.Named && !r.Nullable)))
            .GroupBy(TypeNames.InfoName).Select(g => g.First())
            .OrderBy(r => r.Nullable).ThenBy(TypeNames.InfoName, System.StringComparer.Ordinal)
            .ToList();

        var ns = model.Namespace;
        XmlDoc.Summary(w, $"Reflection-free JSON metadata for the types of {model.Title} {model.ApiVersion}.", "");
        // Its own members are the ones TypeNames.InfoName keeps the type infos' names apart from.
        using (w.Block($"public sealed partial class DockerJsonContext : {Global.IJsonTypeInfoResolver}"))
        {
            // A value per root type, at the index its property asks for: the runtime's table finds them by type.
            ListArgument(w, "", $"private static readonly {Global.JsonValue}[] s_types =", roots.Select(r => TypeNames.Value(r, ns)), end: ";");
            w.Line();
            w.Line($"private readonly {Global.JsonTypeTable} _types;");
            w.Line();
            w.Line("/// <summary>The shared instance.</summary>");
            w.Line($"public static {TypeNames.Own(ns, "DockerJsonContext")} Default {{ get; }} = new();");
            w.Line();
            w.Line("/// <summary>Creates a context with its own options.</summary>");
            using (w.Block("public DockerJsonContext()"))
            {
                w.Line($"Options = new {Global.JsonSerializerOptions} {{ TypeInfoResolver = this }};");
                w.Line($"_types = new {Global.JsonTypeTable}(s_types, Options);");
            }
            w.Line();
            w.Line("/// <summary>The options the type infos of this context belong to.</summary>");
            w.Line($"public {Global.JsonSerializerOptions} Options {{ get; }}");
            var index = 0;
            foreach (var root in roots)
            {
                var type = TypeNames.CSharp(root, ns);
                w.Line();
                w.Line($"/// <summary>Metadata for <c>{XmlDoc.Escape(TypeNames.Display(root))}</c>.</summary>");
                w.Line($"public {Global.JsonTypeInfo}<{type}> {TypeNames.InfoName(root)} => _types.Get<{type}>({index++});");
            }
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public {Global.JsonTypeInfo}? GetTypeInfo({Global.Type} type, {Global.JsonSerializerOptions} options) => _types.Find(type, options);");
        }
    }

    private static void EmitTypeSerializer(SourceWriter w, ApiModel model, ApiType type)
    {
        var self = TypeNames.Own(model.Namespace, type.Name);
        var (reader, writer, options) = (Global.Utf8JsonReader, Global.Utf8JsonWriter, Global.JsonSerializerOptions);
        w.Line($"/// <summary>Reads and writes <see cref=\"{type.Name}\"/>.</summary>");
        using (w.Block($"internal static class {type.Name}Json"))
        {
            // A new value on each use, made where tables are built: a static field could be read before it is set when
            // two types refer to each other. A member of its own keeps each table a list of plain references, which
            // the trim analyzer goes through far faster than generic calls taking method groups.
            w.Line($"public static {Global.JsonValue}<{self}> Value => new(Read, Write);");
            w.Line();
            switch (type.Kind)
            {
                case TypeKind.IntEnum:
                    w.Line($"public static {self} Read(ref {reader} reader, {options} options) => ({self}){Global.DockerJson}.ReadInt32(ref reader, options);");
                    w.Line();
                    w.Line($"public static void Write({writer} writer, {self} value, {options} options) => writer.WriteNumberValue((int)value);");
                    return;
                case TypeKind.StringEnum:
                    w.Line($"public static {self} Read(ref {reader} reader, {options} options) => new({Global.DockerJson}.ReadRequiredString(ref reader, options));");
                    w.Line();
                    w.Line($"public static void Write({writer} writer, {self} value, {options} options) => writer.WriteStringValue(value.Value);");
                    return;
            }
            EmitObjectShape(w, model, type);
            w.Line();
            EmitObjectRead(w, model.Namespace, type);
            w.Line();
            EmitObjectWrite(w, self, type);
        }
    }

    /// <summary>
    /// The property table: the runtime's loop (<c>JsonObjectShape</c>) reads and writes the values, so a consumer's
    /// compiler and trim analyzer see a table and three one-line members per type instead of a reader and a writer.
    /// </summary>
    private static void EmitObjectShape(SourceWriter w, ApiModel model, ApiType type) =>
        ListArgument(w, "",
            $"private static readonly {Global.JsonObjectShape} _shape = new(\"{type.Name}\", ignoreCase: {Bool(model.CaseInsensitiveJson)}, keepsUnknownMembers: {Bool(type.KeepsUnknownMembers)},",
            // An optional property's null never reaches its value (the loop makes it null); a required one reads it itself.
            type.Properties.Select(p => $"new({CSharpText.Literal(p.WireName)}, {TypeNames.Value(p.Required ? p.Type : p.Type.AsNullable(false), model.Namespace)}{(p.Required ? ", Required: true" : "")})"));

    private static void EmitObjectRead(SourceWriter w, string ns, ApiType type)
    {
        var self = TypeNames.Own(ns, type.Name);
        w.Line($"public static {self} Read(ref {Global.Utf8JsonReader} reader, {Global.JsonSerializerOptions} options) => _shape.Read(ref reader, options, Create);");
        w.Line();
        w.Line($"private static {self} Create(object?[] values, {Global.IReadOnlyDictionary}<string, {Global.JsonElement}>? extensionData) => new()");
        w.OpenBrace();
        var index = 0;
        foreach (var p in type.Properties)
            w.Line($"{p.Name} = ({TypeNames.CSharp(p.Type, ns)})values[{index++}]{(p.Type.Nullable ? "" : "!")},");
        if (type.KeepsUnknownMembers)
            w.Line("ExtensionData = extensionData,");
        w.CloseBrace(";");
    }

    private static void EmitObjectWrite(SourceWriter w, string self, ApiType type)
    {
        w.Line($"public static void Write({Global.Utf8JsonWriter} writer, {self} value, {Global.JsonSerializerOptions} options) =>");
        ListArgument(w, "    ", $"_shape.Write(writer, options, {(type.KeepsUnknownMembers ? "value.ExtensionData" : "null")},",
            type.Properties.Select(p => $"value.{p.Name}"));
    }

    /// <summary>
    /// Ends <paramref name="head"/> — a call whose last argument is a list, or an initializer — with the list's items
    /// one a line (or <c>[]</c>), then <paramref name="end"/>.
    /// </summary>
    private static void ListArgument(SourceWriter w, string indent, string head, IEnumerable<string> items, string end = ");")
    {
        var lines = items.ToList();
        if (lines.Count == 0)
        {
            w.Line($"{indent}{head} []{end}");
            return;
        }
        w.Line(indent + head);
        w.Line(indent + "[");
        foreach (var line in lines)
            w.Line($"{indent}    {line},");
        w.Line($"{indent}]{end}");
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
