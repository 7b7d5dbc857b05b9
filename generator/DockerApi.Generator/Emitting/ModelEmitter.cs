using System.Linq;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary>One file per generated type: a record for an object, an enum, or an open string-enum value type.</summary>
internal static class ModelEmitter
{
    public static string Emit(ApiModel model, ApiType type)
    {
        var w = new SourceWriter().FileHeader(model.Namespace);
        switch (type.Kind)
        {
            case TypeKind.Object:
                EmitRecord(w, model, type);
                break;
            case TypeKind.IntEnum:
                EmitIntEnum(w, type);
                break;
            default:
                EmitStringEnum(w, model, type);
                break;
        }
        return w.ToString();
    }

    private static void EmitRecord(SourceWriter w, ApiModel model, ApiType type)
    {
        XmlDoc.Summary(w, type.Description, type.Name);
        ConverterAttribute(w);
        using (w.Block($"public sealed partial record {type.Name}"))
        {
            var first = true;
            foreach (var property in type.Properties)
            {
                if (!first)
                    w.Line();
                first = false;
                XmlDoc.Summary(w, property.Description, $"The `{property.WireName}` value.");
                XmlDoc.Element(w, "value", null, ValueText(property));
                w.Line($"public {(property.Required ? "required " : "")}{TypeNames.CSharp(property.Type, model.Namespace)} {property.Name} {{ get; init; }}");
            }
            if (type.KeepsUnknownMembers)
                EmitExtensionData(w, first);
            if (type.Properties.Any(p => p.Sensitive))
                EmitMaskedPrintMembers(w, type);
        }
    }

    /// <summary>
    /// A property's <c>&lt;value&gt;</c>: what its schema states (allowed values, default, range), and whether it can
    /// be absent — the same for every property, so a reader need not guess what null means.
    /// </summary>
    private static string ValueText(ApiProperty property)
    {
        var presence = property.Required && !property.Type.Nullable ? "Always present." : "Null when absent from the JSON; left out when sent as null.";
        return property.Value is null ? presence : $"{property.Value} {presence}";
    }

    private static void EmitExtensionData(SourceWriter w, bool first)
    {
        if (!first)
            w.Line();
        w.Line("/// <summary>");
        w.Line("/// What the daemon sent that no property carries — members of a newer API, and properties sent as <c>null</c> —");
        w.Line("/// written back as they were read, so that a read-modify-write keeps them; null when there were none.");
        w.Line("/// </summary>");
        w.Line($"public {Global.IReadOnlyDictionary}<string, {Global.JsonElement}>? ExtensionData {{ get; init; }}");
    }

    // A record prints every property in ToString(); secrets must never reach a log that way.
    private static void EmitMaskedPrintMembers(SourceWriter w, ApiType type)
    {
        w.Line();
        w.Line("// Secrets are masked, so that ToString() (and every log that uses it) never shows them.");
        using (w.Block($"private bool PrintMembers({Global.StringBuilder} builder)"))
        {
            var first = true;
            foreach (var property in type.Properties)
            {
                var separator = first ? "" : ", ";
                first = false;
                w.Line(!property.Sensitive
                    ? $"builder.Append(\"{separator}{property.Name} = \").Append({property.Name});"
                    : property.Type.IsValueType && !property.Type.Nullable
                        ? $"builder.Append(\"{separator}{property.Name} = ***\");"
                        : $"builder.Append(\"{separator}{property.Name} = \").Append({property.Name} is null ? \"null\" : \"***\");");
            }
            w.Line("return true;");
        }
    }

    private static void EmitIntEnum(SourceWriter w, ApiType type)
    {
        XmlDoc.Summary(w, type.Description, type.Name);
        ConverterAttribute(w);
        using (w.Block($"public enum {type.Name}"))
        {
            foreach (var member in type.Members)
            {
                XmlDoc.Summary(w, member.Description, $"The value {member.Value}.");
                w.Line($"{member.Name} = {member.Value},");
            }
        }
    }

    // Values the daemon adds later must survive a round trip: a string wrapper with known values, not a C# enum.
    private static void EmitStringEnum(SourceWriter w, ApiModel model, ApiType type)
    {
        XmlDoc.Summary(w, type.Description, type.Name);
        w.Line("/// <param name=\"Value\">The value as the daemon sends it; values this version does not know are kept as they are.</param>");
        ConverterAttribute(w);
        using (w.Block($"public readonly partial record struct {type.Name}(string Value)"))
        {
            foreach (var member in type.Members)
            {
                XmlDoc.Summary(w, member.Description, $"`{member.Value}`");
                w.Line($"public static {TypeNames.Own(model.Namespace, type.Name)} {member.Name} {{ get; }} = new({CSharpText.Literal(member.Value)});");
                w.Line();
            }
            w.Line("/// <inheritdoc />");
            w.Line("public override string ToString() => Value ?? \"\";");
        }
    }

    /// <summary>
    /// Any serializer options read and write the type as its JSON context does — the wire names and kept members are
    /// in the context's table, so the properties carry no attribute of their own (a thousand attributes were a
    /// tenth of a consumer's build).
    /// </summary>
    private static void ConverterAttribute(SourceWriter w) =>
        w.Line($"[{Global.JsonConverterAttribute}(typeof({Global.DockerJsonConverterFactory}))]");
}
