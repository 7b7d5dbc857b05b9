using System;
using System.Text.RegularExpressions;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary>How a <see cref="TypeRef"/> is spelled in C#, and the runtime value that reads and writes it as JSON.</summary>
internal static class TypeNames
{
    /// <summary>A generated type of namespace <paramref name="ns"/>, qualified: <c>global::DockerApi.V1_2.ContainerState</c>.</summary>
    public static string Own(string ns, string name) => $"global::{ns}.{name}";

    /// <summary>The C# type of <paramref name="type"/> in generated code of namespace <paramref name="ns"/>, every name qualified.</summary>
    public static string CSharp(TypeRef type, string ns)
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
            TypeRefKind.DateTime => Global.DockerTimestamp,
            TypeRefKind.Named => Own(ns, type.Name!),
            TypeRefKind.List => $"{Global.IReadOnlyList}<{CSharp(type.Item!, ns)}>",
            TypeRefKind.Map => $"{Global.IReadOnlyDictionary}<string, {CSharp(type.Item!, ns)}>",
            TypeRefKind.EmptyObject => Global.EmptyObject,
            TypeRefKind.Element => Global.JsonElement,
            TypeRefKind.Binary => Global.Stream,
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        return type.Nullable ? name + "?" : name;
    }

    /// <summary>How a reader names <paramref name="type"/> in a doc line: <c>IReadOnlyList&lt;ContainerSummary&gt;</c>, no namespaces.</summary>
    public static string Display(TypeRef type) => Qualifier.Replace(CSharp(type, "_"), "");

    private static readonly Regex Qualifier = new(@"global::(?:\w+\.)*", RegexOptions.Compiled);

    /// <summary>
    /// The name of the <c>DockerJsonContext</c> property that holds the JSON type info of a root type:
    /// <c>ContainerSummaryList</c>, <c>FilesystemChangeListOrNull</c>. A type called like one of the context's own
    /// members (<c>Default</c>, <c>Options</c>, <c>GetTypeInfo</c>) keeps its name; its property takes a <c>_</c>, which
    /// no other property name can end with (type names have none but a leading one).
    /// </summary>
    public static string InfoName(TypeRef type)
    {
        var name = BaseInfoName(type);
        return System.Array.IndexOf(ContextMembers, name) >= 0 ? name + "_" : name;
    }

    /// <summary>The members <c>DockerJsonContext</c> declares itself (see <see cref="JsonEmitter"/>).</summary>
    private static readonly string[] ContextMembers = { "Default", "Options", "GetTypeInfo" };

    private static string BaseInfoName(TypeRef type)
    {
        var name = type.Kind switch
        {
            TypeRefKind.List => BaseInfoName(type.Item!.AsNullable(false)) + (type.OrSingle ? "ListOrSingle" : "List"),
            TypeRefKind.Map => BaseInfoName(type.Item!.AsNullable(false)) + "Map",
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
    public static string Value(TypeRef type, string ns)
    {
        if (type.Nullable)
        {
            var inner = Value(type.AsNullable(false), ns);
            return type.IsValueType ? $"{Global.JsonValues}.Nullable({inner})" : $"{Global.JsonValues}.NullableReference({inner})";
        }
        return type.Kind switch
        {
            TypeRefKind.String => $"{Global.JsonValues}.String",
            TypeRefKind.Boolean => $"{Global.JsonValues}.Boolean",
            TypeRefKind.Int32 => $"{Global.JsonValues}.Int32",
            TypeRefKind.Int64 => $"{Global.JsonValues}.Int64",
            TypeRefKind.UInt32 => $"{Global.JsonValues}.UInt32",
            TypeRefKind.UInt64 => $"{Global.JsonValues}.UInt64",
            TypeRefKind.Double => $"{Global.JsonValues}.Double",
            TypeRefKind.DateTime => $"{Global.JsonValues}.Timestamp",
            TypeRefKind.Element => $"{Global.JsonValues}.Element",
            TypeRefKind.EmptyObject => $"{Global.JsonValues}.EmptyObject",
            TypeRefKind.Named => $"{Own(ns, type.Name + "Json")}.Value",
            TypeRefKind.List => $"{Global.JsonValues}.{(type.OrSingle ? "ListOrSingle" : "List")}({Value(type.Item!, ns)})",
            TypeRefKind.Map => $"{Global.JsonValues}.Map({Value(type.Item!, ns)})",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }
}
