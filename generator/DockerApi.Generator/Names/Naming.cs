using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerApi.Generator.Names;

/// <summary>C# names from wire names: PascalCase for types and members, camelCase for parameters.</summary>
internal static class Naming
{
    /// <summary><c>container_config</c> → <c>ContainerConfig</c>, <c>X-Registry-Auth</c> → <c>XRegistryAuth</c>, <c>ID</c> stays <c>ID</c>.</summary>
    public static string Pascal(string wire)
    {
        var builder = new StringBuilder();
        var upperNext = true;
        foreach (var c in wire)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }
            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }
        if (builder.Length == 0)
            return "Value";
        if (char.IsDigit(builder[0]))
            builder.Insert(0, '_');
        return builder.ToString();
    }

    /// <summary><c>fromImage</c> stays, <c>X-Registry-Auth</c> → <c>xRegistryAuth</c>, <c>ID</c> → <c>id</c>; keywords get <c>@</c>.</summary>
    public static string Camel(string wire)
    {
        var pascal = Pascal(wire);
        var leadingUpper = pascal.TakeWhile(char.IsUpper).Count();
        string camel;
        if (leadingUpper == pascal.Length)
            camel = pascal.ToLowerInvariant();
        else if (leadingUpper > 1)
            camel = pascal.Substring(0, leadingUpper - 1).ToLowerInvariant() + pascal.Substring(leadingUpper - 1);
        else
            camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Escape(camel);
    }

    /// <summary>
    /// A type name: the wire name in PascalCase, kept as it is (emitted code names every outside type with
    /// <c>global::</c>, so <c>Task</c> or <c>Options</c> shadows nothing) unless C# forbids it: a record may not be called
    /// like one of the members every record has (<c>ToString</c>, <c>Equals</c>…), so those get the suffix <c>Model</c>.
    /// </summary>
    public static string TypeName(string wire)
    {
        var name = Pascal(wire);
        return ReservedNames.RecordMembers.Contains(name) ? name + "Model" : name;
    }

    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>
    /// A unique type name, as <see cref="Unique"/>, that also leaves room for the <c>{Name}Json</c> class the JSON
    /// emitter writes beside each type: <c>Thing</c> and a definition called <c>ThingJson</c> cannot both be taken as
    /// they are. <paramref name="taken"/> should compare without case: hint names are file names.
    /// </summary>
    public static string UniqueType(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; taken.Contains(candidate) || taken.Contains(candidate + "Json"); i++)
            candidate = name + i;
        taken.Add(candidate);
        taken.Add(candidate + "Json");
        return candidate;
    }

    /// <summary>True when <paramref name="name"/> can stand as a C# identifier as it is (keywords count as not).</summary>
    public static bool IsIdentifier(string name) => SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>Returns <paramref name="name"/>, or it with a number, so that it is not in <paramref name="taken"/>; records it as taken.</summary>
    public static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
            candidate = name + i;
        return candidate;
    }
}
