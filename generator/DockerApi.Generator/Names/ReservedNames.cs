using System;
using System.Collections.Generic;

namespace DockerApi.Generator.Names;

/// <summary>
/// Names that C# or the emitters already give a member in each kind of generated type: a spec name equal to one
/// would not compile (or would silently hide ours), so it is renamed, with DAPI011. Kept beside what emits them: a
/// test compiles a spec that uses every one.
/// </summary>
internal static class ReservedNames
{
    /// <summary>Members every record has (C# synthesizes them) or that <c>object</c> gives it.</summary>
    public static readonly HashSet<string> RecordMembers = new(StringComparer.Ordinal)
    {
        "ToString", "Equals", "GetHashCode", "Clone", "EqualityContract", "Deconstruct", "PrintMembers", "GetType",
        "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Members of an object's record besides the record ones: the members kept as read.</summary>
    public static readonly HashSet<string> ObjectMembers = new(RecordMembers, StringComparer.Ordinal) { "ExtensionData" };

    /// <summary>Members of the string-enum record struct (<c>Value</c>, its ToString) besides the record ones.</summary>
    public static readonly HashSet<string> StringEnumMembers = new(RecordMembers, StringComparer.Ordinal) { "Value" };

    /// <summary>Members of the <c>DockerClient</c> facade besides its API properties.</summary>
    public static readonly HashSet<string> FacadeMembers = new(RecordMembers, StringComparer.Ordinal)
    {
        "DockerClient", "HttpClient", "Settings", "ApiVersion", "Dispose", "ConnectAsync", "Negotiated", "Checked",
    };

    /// <summary>Top-level names the emitters write in every namespace; generated types never take them.</summary>
    public static readonly string[] TopLevel = { "DockerClient", "DockerJsonContext", "DockerApiRegistration" };
}
