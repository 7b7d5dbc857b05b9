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
    /// Names of the framework and runtime types generated code and its users work with. A generated type with one of
    /// these names would make <c>Task</c> or <c>Stream</c> ambiguous in the user's code, so it gets the suffix <c>Model</c>.
    /// Every public runtime type is here: a test keeps the list in step with DockerApi.Runtime.
    /// </summary>
    internal static readonly HashSet<string> FrameworkNames = new()
    {
        "Task", "ValueTask", "Stream", "CancellationToken", "HttpClient", "HttpMethod", "HttpRequestMessage", "HttpResponseMessage",
        "HttpContent", "JsonElement", "JsonSerializerOptions", "JsonException", "Utf8JsonReader", "Utf8JsonWriter", "JsonTokenType",
        "IAsyncEnumerable", "IProgress", "IReadOnlyList", "IReadOnlyDictionary", "IEnumerable", "DateTimeOffset", "DockerTimestamp", "TimeSpan",
        "Exception", "ArgumentNullException", "Type", "String", "Object", "Uri", "Action", "Func", "Math", "IDisposable",
        "EmptyObject", "DockerJson", "JsonPropertyNames", "JsonObjectShape", "JsonObjectFactory", "JsonPropertyShape", "JsonTypeTable", "JsonValue", "JsonValues",
        "DockerJsonConverter", "DockerJsonConverterFactory", "QueryString", "DockerUri", "DockerQuery",
        "DockerCall", "DockerContent", "DockerFilters", "ProgressLine", "BuildOutputLine", "BuildOutput", "HijackMode", "DockerHijackedStream",
        "DockerApiException", "DockerStreamException", "DockerException", "JsonStreamOptions", "DockerEndpoint", "DockerHttpClient",
        "DockerTransportOptions", "RefitSettings", "RestService", "MultipartFormDataContent", "DockerConfigException", "DockerContext",
        "DockerContexts", "DockerEndpointResolver", "DockerEnvironment", "DockerTls", "RegistryCredentials", "ResolvedEndpoint",
        "DockerRequestContent", "RegistryCredential",
        "ApiVersionHandler", "DockerConnectionException", "DockerEndpointKind", "DockerHeaders", "DockerHttpHandler",
        "DockerProtocolException", "DockerRequestOptions", "DockerResponse", "DockerVersionException", "HijackedResponse",
        "JsonRead", "JsonStream", "JsonWrite", "LineEnd", "MultiplexedReadResult", "MultiplexedStream", "NegotiatedVersion",
        "OutputLine", "RegistryAuth", "StdStream", "TextLine", "TextLines", "TextProgress", "VersionNegotiation",
        // Namespaces generated code names, and members of DockerJsonContext that a type's info property would hide.
        "System", "Refit", "DockerApi", "Microsoft", "Default", "Options", "GetTypeInfo",
    };

    /// <summary>A type name that does not shadow a framework or runtime type.</summary>
    public static string TypeName(string wire)
    {
        var name = Pascal(wire);
        // Each type also names a property of DockerJsonContext, where object's members (ToString, Equals…) are taken.
        return FrameworkNames.Contains(name) || ReservedNames.RecordMembers.Contains(name) ? name + "Model" : name;
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
