using System.Collections.Generic;
using System.Linq;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary>The C# shape of an operation, shared by the interface, its implementation and the extensions.</summary>
internal static class OperationShape
{
    public static string ReturnType(ApiOperation op, string ns) => op.Result.Kind switch
    {
        ResultKind.None => Global.Task,
        ResultKind.Json => $"{Global.Task}<{TypeNames.CSharp(op.Result.Type!, ns)}>",
        ResultKind.Text => $"{Global.Task}<string>",
        ResultKind.Header => $"{Global.Task}<string?>",
        ResultKind.Binary => $"{Global.Task}<{Global.Stream}>",
        ResultKind.JsonProgress or ResultKind.TextProgress or ResultKind.BuildOutput => $"{Global.IAsyncEnumerable}<{MessageType(op, ns)}>",
        _ => $"{Global.Task}<{Global.DockerHijackedStream}>",
    };

    /// <summary>The element type of a streaming operation, or null.</summary>
    public static string? MessageType(ApiOperation op, string ns) => op.Result.Kind switch
    {
        ResultKind.JsonProgress => TypeNames.CSharp(op.Result.Type!, ns),
        ResultKind.TextProgress => Global.ProgressLine,
        ResultKind.BuildOutput => Global.BuildOutputLine,
        _ => null,
    };

    public static bool IsStream(ApiOperation op) => op.Result.Kind is ResultKind.JsonProgress or ResultKind.TextProgress or ResultKind.BuildOutput;

    public static string ParameterType(ApiParameter p, string ns) =>
        p.Type.Kind == TypeRefKind.List && p.Location == ParameterLocation.Query
            ? $"{Global.IEnumerable}<string>" + (p.Type.Nullable ? "?" : "")
            : TypeNames.CSharp(p.Type, ns);

    /// <summary><c>type name</c> pairs, each optional one with <c>= null</c> when <paramref name="withDefaults"/>.</summary>
    public static IEnumerable<string> Parameters(ApiOperation op, string ns, bool withDefaults, bool withAttributes)
    {
        foreach (var p in op.Request.Parameters)
        {
            var attributes = withAttributes ? Attributes(p) : "";
            var optional = withDefaults && !p.Required ? " = null" : "";
            yield return $"{attributes}{ParameterType(p, ns)} {p.Name}{optional}";
        }
    }

    /// <summary>The cancellation token every operation method takes last, named so that no spec parameter is hidden.</summary>
    public static string CancellationParameter(ApiOperation op, bool withDefault) =>
        $"{Global.CancellationToken} {Local(op, "cancellationToken")}{(withDefault ? " = default" : "")}";

    public static string Arguments(ApiOperation op) =>
        string.Join(", ", op.Request.Parameters.Select(p => p.Name).Concat(new[] { Local(op, "cancellationToken") }));

    /// <summary>
    /// The name of a local (or of a parameter of ours) in a method of <paramref name="op"/>: <paramref name="name"/>,
    /// or it with a number when a spec parameter has it. The spec's names stay as they are, and ours step aside, as
    /// Refit's generator makes its locals unique. Our own names differ in their stems, so they stay apart too.
    /// </summary>
    public static string Local(ApiOperation op, string name)
    {
        var candidate = name;
        for (var i = 2; op.Request.Parameters.Any(p => p.Name.TrimStart('@') == candidate); i++)
            candidate = name + i;
        return candidate;
    }

    private static string Attributes(ApiParameter p)
    {
        var alias = p.Name.TrimStart('@') == p.WireName ? null : $"{Global.Refit}.AliasAs({CSharpText.Literal(p.WireName)})";
        var list = p.Location switch
        {
            ParameterLocation.Query => new[] { $"{Global.Refit}.Query", alias },
            ParameterLocation.Header => new[] { $"{Global.Refit}.Header({CSharpText.Literal(p.WireName)})" },
            ParameterLocation.Body => new[] { $"{Global.Refit}.Body" },
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
        XmlDoc.Summary(w, op.Docs.Summary, $"{op.OperationId}: `{op.Request.HttpMethod} {op.Request.Path}`.");
        var since = op.Since is null ? null : $"Since API {op.Since}: a client speaking an older version raises `DockerVersionException` before anything is sent.";
        XmlDoc.Element(w, "remarks", null, string.Join("\n\n", new[] { op.Docs.Description, since }.Where(t => t is not null)));
        if (extension)
        {
            w.Line($"/// <param name=\"{Local(op, "api")}\">The API.</param>");
            w.Line($"/// <param name=\"{Local(op, "progress")}\">Receives each message as it arrives; may be null.</param>");
        }
        foreach (var p in op.Request.Parameters)
            XmlDoc.Element(w, "param", $"name=\"{p.Name.TrimStart('@')}\"", ParameterText(op, p));
        // Only a stream of messages reads on after the call returns; elsewhere the token ends with the answer.
        w.Line($"/// <param name=\"{Local(op, "cancellationToken")}\">{(IsStream(op) ? "Cancels the request, and the stream it returns." : "Cancels the request.")}</param>");
        var success = op.Result.Responses.Where(IsSuccess).ToList();
        XmlDoc.Element(w, "returns", null, returns ?? Returns(op, success));
        // One <exception> per status, as a reader looks up the status the exception carries.
        foreach (var error in op.Result.Responses.Where(r => !IsSuccess(r)))
            XmlDoc.Element(w, "exception", $"cref=\"{Global.DockerApiException}\"", error.Description.Length > 0 ? $"{error.Status}: {error.Description}" : $"The daemon answered {error.Status}.");
        if (IsStream(op))
            w.Line($"/// <exception cref=\"{Global.DockerStreamException}\">The daemon reported an error inside the stream; the messages before it were delivered.</exception>");
    }

    /// <summary>A parameter's text, and the version that added it (<c>x-docker-since</c>) when it is newer than the operation.</summary>
    public static string ParameterText(ApiOperation op, ApiParameter p)
    {
        var text = p.Description ?? $"The `{p.WireName}` parameter.";
        return p.Since is null || p.Since == op.Since ? text : $"{text} Since API {p.Since}: given a value on an older version, it makes the call raise `DockerVersionException` before anything is sent.";
    }

    private static bool IsSuccess(ApiResponse r) => r.Status.StartsWith("2") || r.Status == "101" || r.Status == "304";

    /// <summary>
    /// What the call returns: the success response's text (each with its status when there are several), and for a
    /// stream or a taken-over connection how to end it; the generator's own words when the spec describes none.
    /// </summary>
    private static string Returns(ApiOperation op, IReadOnlyList<ApiResponse> success)
    {
        if (!success.Any(r => r.Description.Length > 0))
            return DefaultReturns(op);
        var text = success.Count == 1
            ? success[0].Description
            : string.Join(" ", success.Select(r => r.Description.Length > 0 ? $"{r.Status}: {r.Description}" : $"{r.Status}."));
        return op.Result.Kind is ResultKind.Binary or ResultKind.Hijack or ResultKind.HijackUpgrade ? $"{text} {DefaultReturns(op)}" : text;
    }

    /// <summary>What an operation returns, when its spec describes none of its success responses (Docker's published files without prose).</summary>
    private static string DefaultReturns(ApiOperation op) => op.Result.Kind switch
    {
        ResultKind.None => "Completes when the daemon has answered.",
        ResultKind.Json or ResultKind.Text => "The daemon's answer.",
        ResultKind.Header => $"The value of the answer's {op.Result.Header} header; null when the daemon sent none.",
        ResultKind.Binary => "The answer's bytes as they arrive; dispose the stream to end the response.",
        ResultKind.Hijack or ResultKind.HijackUpgrade => "The connection, taken over: the container's output to read and its input to write.",
        _ => "The messages as they arrive.",
    };

    public static string HttpMethod(ApiOperation op) => op.Request.HttpMethod switch
    {
        "GET" => $"{Global.HttpMethod}.Get",
        "POST" => $"{Global.HttpMethod}.Post",
        "PUT" => $"{Global.HttpMethod}.Put",
        "DELETE" => $"{Global.HttpMethod}.Delete",
        "HEAD" => $"{Global.HttpMethod}.Head",
        "OPTIONS" => $"{Global.HttpMethod}.Options",
        _ => $"{Global.HttpMethod}.Patch",
    };

    public static string RefitAttribute(ApiOperation op)
    {
        var name = op.Request.HttpMethod switch
        {
            "GET" => "Get",
            "POST" => "Post",
            "PUT" => "Put",
            "DELETE" => "Delete",
            "HEAD" => "Head",
            "OPTIONS" => "Options",
            _ => "Patch",
        };
        return $"[{Global.Refit}.{name}({CSharpText.Literal(op.Request.Path)})]";
    }
}
