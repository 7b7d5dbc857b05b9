using System;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary>How a <see cref="TypeRef"/> is spelled in C#, and the runtime value that reads and writes it as JSON.</summary>
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

    /// <summary>
    /// The runtime's <c>JsonValue&lt;T&gt;</c> for <paramref name="type"/> (JSON null accepted when it is nullable):
    /// what a property table or a type info reads and writes that type with.
    /// </summary>
    public static string Value(TypeRef type)
    {
        if (type.Nullable)
        {
            var inner = Value(type.AsNullable(false));
            return type.IsValueType ? $"JsonValues.Nullable({inner})" : $"JsonValues.NullableReference({inner})";
        }
        return type.Kind switch
        {
            TypeRefKind.String => "JsonValues.String",
            TypeRefKind.Boolean => "JsonValues.Boolean",
            TypeRefKind.Int32 => "JsonValues.Int32",
            TypeRefKind.Int64 => "JsonValues.Int64",
            TypeRefKind.UInt32 => "JsonValues.UInt32",
            TypeRefKind.UInt64 => "JsonValues.UInt64",
            TypeRefKind.Double => "JsonValues.Double",
            TypeRefKind.DateTime => "JsonValues.Timestamp",
            TypeRefKind.Element => "JsonValues.Element",
            TypeRefKind.EmptyObject => "JsonValues.EmptyObject",
            TypeRefKind.Named => $"{type.Name}Json.Value",
            TypeRefKind.List => $"JsonValues.{(type.OrSingle ? "ListOrSingle" : "List")}({Value(type.Item!)})",
            TypeRefKind.Map => $"JsonValues.Map({Value(type.Item!)})",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }
}
