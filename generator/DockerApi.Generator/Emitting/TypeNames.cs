using System;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary>How a <see cref="TypeRef"/> is spelled in C#, and how it is read and written as JSON.</summary>
internal static class TypeNames
{
    public static string CSharp(TypeRef type)
    {
        var name = type.Kind switch
        {
            TypeRefKind.String => "string",
            TypeRefKind.Boolean => "bool",
            TypeRefKind.Int32 => "int",
            TypeRefKind.Int64 => "long",
            TypeRefKind.UInt32 => "uint",
            TypeRefKind.UInt64 => "ulong",
            TypeRefKind.Double => "double",
            TypeRefKind.DateTime => "DockerTimestamp",
            TypeRefKind.Named => type.Name!,
            TypeRefKind.List => $"IReadOnlyList<{CSharp(type.Item!)}>",
            TypeRefKind.Map => $"IReadOnlyDictionary<string, {CSharp(type.Item!)}>",
            TypeRefKind.EmptyObject => "EmptyObject",
            TypeRefKind.Element => "JsonElement",
            TypeRefKind.Binary => "Stream",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        return type.Nullable ? name + "?" : name;
    }

    /// <summary>A name for the JSON type info of a root type: <c>ContainerSummaryList</c>, <c>FilesystemChangeListOrNull</c>.</summary>
    public static string InfoName(TypeRef type)
    {
        var name = type.Kind switch
        {
            TypeRefKind.List => InfoName(type.Item!.AsNullable(false)) + (type.OrSingle ? "ListOrSingle" : "List"),
            TypeRefKind.Map => InfoName(type.Item!.AsNullable(false)) + "Map",
            TypeRefKind.Named => type.Name!,
            _ => CSharpKeywordFree(type.AsNullable(false)),
        };
        return type.Nullable ? name + "OrNull" : name;
    }

    private static string CSharpKeywordFree(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "String",
        TypeRefKind.Boolean => "Boolean",
        TypeRefKind.Int32 => "Int32",
        TypeRefKind.Int64 => "Int64",
        TypeRefKind.UInt32 => "UInt32",
        TypeRefKind.UInt64 => "UInt64",
        TypeRefKind.Double => "Double",
        TypeRefKind.DateTime => "DockerTimestamp",
        TypeRefKind.EmptyObject => "EmptyObject",
        TypeRefKind.Element => "JsonElement",
        _ => "Value",
    };

    /// <summary>A <c>JsonRead&lt;T&gt;</c> for a value of <paramref name="type"/> (JSON null accepted when it is nullable).</summary>
    public static string Reader(TypeRef type) => type.Nullable
        ? $"static (ref Utf8JsonReader r, JsonSerializerOptions o) => {Read(type, "r", "o", typedNull: true)}"
        : type.Kind switch
    {
        TypeRefKind.String => "DockerJson.ReadRequiredString",
        TypeRefKind.Boolean => "DockerJson.ReadBoolean",
        TypeRefKind.Int32 => "DockerJson.ReadInt32",
        TypeRefKind.Int64 => "DockerJson.ReadInt64",
        TypeRefKind.UInt32 => "DockerJson.ReadUInt32",
        TypeRefKind.UInt64 => "DockerJson.ReadUInt64",
        TypeRefKind.Double => "DockerJson.ReadDouble",
        TypeRefKind.DateTime => "DockerJson.ReadTimestamp",
        TypeRefKind.Element => "DockerJson.ReadElement",
        TypeRefKind.EmptyObject => "EmptyObject.Read",
        TypeRefKind.Named => type.Name + "Json.Read",
        TypeRefKind.List or TypeRefKind.Map => $"static (ref Utf8JsonReader r, JsonSerializerOptions o) => {ReadContainer(type, "r", "o")}",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>An expression that reads <paramref name="type"/> (null allowed when it is nullable) at the reader's current token.</summary>
    /// <param name="typedNull">
    /// Write the null of a nullable value type as <c>(T?)null</c>: in a lambda whose type is inferred (a map's or list's
    /// item reader) <c>cond ? null : 1UL</c> has no type (CS0411).
    /// </param>
    public static string Read(TypeRef type, string reader, string options, bool typedNull = false)
    {
        var none = typedNull && type.IsValueType ? $"({CSharp(type)})null" : "null";
        switch (type.Kind)
        {
            case TypeRefKind.List:
            case TypeRefKind.Map:
                return ReadContainer(type, reader, options);
            case TypeRefKind.String when type.Nullable:
                return $"DockerJson.ReadString(ref {reader}, {options})";
            case TypeRefKind.Element when type.Nullable:
                return $"{reader}.TokenType == JsonTokenType.Null ? {none} : DockerJson.ReadElement(ref {reader}, {options})";
            default:
                var call = $"{Reader(type.AsNullable(false))}(ref {reader}, {options})";
                return type.Nullable ? $"{reader}.TokenType == JsonTokenType.Null ? {none} : {call}" : call;
        }
    }

    /// <summary>Null for JSON null when the type is nullable; else empty, as Go means a null slice or map (DockerJson.ReadListOrEmpty).</summary>
    private static string ReadContainer(TypeRef type, string reader, string options)
    {
        if (type.OrSingle)
            return $"DockerJson.ReadListOrSingle(ref {reader}, {options}, {Reader(type.Item!)}){(type.Nullable ? "" : " ?? []")}";
        return $"DockerJson.Read{(type.Kind == TypeRefKind.List ? "List" : "Map")}{(type.Nullable ? "" : "OrEmpty")}(ref {reader}, {options}, {Reader(type.Item!)})";
    }

    /// <summary>A <c>JsonWrite&lt;T&gt;</c> for a value of <paramref name="type"/> (written as JSON null when it is null).</summary>
    public static string Writer(TypeRef type) => type.Nullable
        ? $"static (w, v, o) => {{ if (v is null) w.WriteNullValue(); else {Write(type.AsNullable(false), "w", type.IsValueType ? "v.Value" : "v", "o")} }}"
        : type.Kind switch
    {
        TypeRefKind.String => "DockerJson.WriteString",
        TypeRefKind.Boolean => "DockerJson.WriteBoolean",
        TypeRefKind.Int32 => "DockerJson.WriteInt32",
        TypeRefKind.Int64 => "DockerJson.WriteInt64",
        TypeRefKind.UInt32 => "DockerJson.WriteUInt32",
        TypeRefKind.UInt64 => "DockerJson.WriteUInt64",
        TypeRefKind.Double => "DockerJson.WriteDouble",
        TypeRefKind.DateTime => "DockerJson.WriteTimestamp",
        TypeRefKind.Element => "DockerJson.WriteElement",
        TypeRefKind.EmptyObject => "EmptyObject.Write",
        TypeRefKind.Named => type.Name + "Json.Write",
        TypeRefKind.List => $"static (w, v, o) => DockerJson.WriteList(w, v, o, {Writer(type.Item!)})",
        TypeRefKind.Map => $"static (w, v, o) => DockerJson.WriteMap(w, v, o, {Writer(type.Item!)})",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A statement that writes a non-null <paramref name="value"/> of <paramref name="type"/>.</summary>
    public static string Write(TypeRef type, string writer, string value, string options) => type.Kind switch
    {
        TypeRefKind.List => $"DockerJson.WriteList({writer}, {value}, {options}, {Writer(type.Item!)});",
        TypeRefKind.Map => $"DockerJson.WriteMap({writer}, {value}, {options}, {Writer(type.Item!)});",
        _ => $"{Writer(type)}({writer}, {value}, {options});",
    };
}
