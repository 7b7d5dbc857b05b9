using System.Collections.Generic;
using System.Linq;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary>The C# shape of an operation, shared by the interface, its implementation and the extensions.</summary>
internal static class OperationShape
{
    public static string ReturnType(ApiOperation op) => op.Result switch
    {
        ResultKind.None => "Task",
        ResultKind.Json => $"Task<{TypeNames.CSharp(op.ResultType!)}>",
        ResultKind.Text => "Task<string>",
        ResultKind.Header => "Task<string?>",
        ResultKind.Binary => "Task<Stream>",
        ResultKind.JsonProgress => $"IAsyncEnumerable<{MessageType(op)}>",
        ResultKind.TextProgress => "IAsyncEnumerable<ProgressLine>",
        ResultKind.BuildOutput => "IAsyncEnumerable<BuildOutputLine>",
        _ => "Task<DockerHijackedStream>",
    };

    /// <summary>The element type of a streaming operation, or null.</summary>
    public static string? MessageType(ApiOperation op) => op.Result switch
    {
        ResultKind.JsonProgress => TypeNames.CSharp(op.ResultType!),
        ResultKind.TextProgress => "ProgressLine",
        ResultKind.BuildOutput => "BuildOutputLine",
        _ => null,
    };

    public static bool IsStream(ApiOperation op) => MessageType(op) is not null;

    public static string ParameterType(ApiParameter p)
    {
        var type = p.Type.Kind == TypeRefKind.List && p.Location == ParameterLocation.Query
            ? "IEnumerable<string>" + (p.Type.Nullable ? "?" : "")
            : TypeNames.CSharp(p.Type);
        return type;
    }

    /// <summary><c>type name</c> pairs, each optional one with <c>= null</c> when <paramref name="withDefaults"/>.</summary>
    public static IEnumerable<string> Parameters(ApiOperation op, bool withDefaults, bool withAttributes)
    {
        foreach (var p in op.Parameters)
        {
            var attributes = withAttributes ? Attributes(p) : "";
            var optional = withDefaults && !p.Required ? " = null" : "";
            yield return $"{attributes}{ParameterType(p)} {p.Name}{optional}";
        }
    }

    public static string Arguments(ApiOperation op) =>
        string.Join(", ", op.Parameters.Select(p => p.Name).Concat(new[] { "cancellationToken" }));

    private static string Attributes(ApiParameter p)
    {
        var alias = p.Name.TrimStart('@') == p.WireName ? null : $"AliasAs({CSharpText.Literal(p.WireName)})";
        var list = p.Location switch
        {
            ParameterLocation.Query => new[] { "Query", alias },
            ParameterLocation.Header => new[] { $"Header({CSharpText.Literal(p.WireName)})" },
            ParameterLocation.Body => new[] { "Body" },
            _ => new[] { alias },
        };
        var present = list.Where(a => a is not null).ToList();
        return present.Count == 0 ? "" : $"[{string.Join(", ", present)}] ";
    }

    /// <summary>XML docs of an operation: summary, remarks, parameters, returns and the error statuses.</summary>
    /// <param name="w">Where to write.</param>
    /// <param name="op">The operation.</param>
    /// <param name="extension">True for the IProgress extension: documents <c>api</c> and <c>progress</c> too.</param>
    /// <param name="returns">The returns text, when it is not the operation's success responses.</param>
    public static void Docs(SourceWriter w, ApiOperation op, bool extension = false, string? returns = null)
    {
        XmlDoc.Summary(w, op.Summary, $"{op.OperationId}: `{op.HttpMethod} {op.Path}`.");
        XmlDoc.Element(w, "remarks", null, op.Description);
        if (extension)
        {
            w.Line("/// <param name=\"api\">The API.</param>");
            w.Line("/// <param name=\"progress\">Receives each message as it arrives; may be null.</param>");
        }
        foreach (var p in op.Parameters)
            XmlDoc.Element(w, "param", $"name=\"{p.Name.TrimStart('@')}\"", p.Description ?? $"The `{p.WireName}` parameter.");
        w.Line("/// <param name=\"cancellationToken\">Cancels the request, and the stream it returns.</param>");
        var success = op.Responses.Where(IsSuccess).ToList();
        XmlDoc.Element(w, "returns", null, returns ?? (success.Any(r => r.Description.Length > 0) ? Statuses(success) : DefaultReturns(op)));
        var errors = op.Responses.Where(r => !IsSuccess(r)).ToList();
        if (errors.Count > 0)
        {
            XmlDoc.Element(w, "exception", "cref=\"DockerApiException\"", errors.Any(r => r.Description.Length > 0)
                ? Statuses(errors)
                : $"The daemon answered {string.Join(" or ", errors.Select(r => r.Status))}.");
        }
        if (op.Result is ResultKind.JsonProgress or ResultKind.TextProgress or ResultKind.BuildOutput)
            w.Line("/// <exception cref=\"DockerStreamException\">The daemon reported an error inside the stream; the messages before it were delivered.</exception>");
    }

    private static bool IsSuccess(ApiResponse r) => r.Status.StartsWith("2") || r.Status == "101" || r.Status == "304";

    private static string Statuses(IEnumerable<ApiResponse> responses) =>
        string.Join(" ", responses.Select(r => r.Description.Length > 0 ? $"{r.Status}: {r.Description}" : $"{r.Status}."));

    /// <summary>What an operation returns, when its spec describes none of its success responses (Docker's published files without prose).</summary>
    private static string DefaultReturns(ApiOperation op) => op.Result switch
    {
        ResultKind.None => "Completes when the daemon has answered.",
        ResultKind.Json or ResultKind.Text => "The daemon's answer.",
        ResultKind.Header => $"The value of the answer's {op.ResultHeader} header; null when the daemon sent none.",
        ResultKind.Binary => "The answer's bytes as they arrive; dispose the stream to end the response.",
        ResultKind.Hijack or ResultKind.HijackUpgrade => "The connection, taken over: the container's output to read and its input to write.",
        _ => "The messages as they arrive.",
    };

    public static string HttpMethod(ApiOperation op) => op.HttpMethod switch
    {
        "GET" => "HttpMethod.Get",
        "POST" => "HttpMethod.Post",
        "PUT" => "HttpMethod.Put",
        "DELETE" => "HttpMethod.Delete",
        "HEAD" => "HttpMethod.Head",
        "OPTIONS" => "HttpMethod.Options",
        _ => "HttpMethod.Patch",
    };

    public static string RefitAttribute(ApiOperation op)
    {
        var name = op.HttpMethod switch
        {
            "GET" => "Get",
            "POST" => "Post",
            "PUT" => "Put",
            "DELETE" => "Delete",
            "HEAD" => "Head",
            "OPTIONS" => "Options",
            _ => "Patch",
        };
        return $"[{name}({CSharpText.Literal(op.Path)})]";
    }
}
