using System.Linq;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary>
/// The implementation of one interface over an <c>HttpClient</c> and the runtime: Refit's generator cannot see an
/// interface another generator emits, so ours writes the implementation and registers it with Refit.
/// </summary>
internal static class ClientEmitter
{
    public static string Emit(ApiModel model, ApiInterface api)
    {
        var w = new SourceWriter().FileHeader(model.Namespace, InterfaceEmitter.Usings.Concat(new[] { "System.Net.Http", "DockerApi.Generated", "DockerApi.Requests" }).ToArray());
        w.Line($"/// <summary>The implementation of <see cref=\"{api.InterfaceName}\"/>: every call goes through DockerApi.Runtime.</summary>");
        using (w.Block($"internal sealed partial class {api.ClientName} : {api.InterfaceName}"))
        {
            w.Line("private readonly HttpClient _client;");
            w.Line();
            w.Line($"public {api.ClientName}(HttpClient client, RefitSettings? settings = null)");
            w.OpenBrace();
            w.Line("ArgumentNullException.ThrowIfNull(client);");
            w.Line("_client = client;");
            w.Line("_ = settings; // requests and answers follow the spec, not Refit's serializer settings");
            w.CloseBrace();
            w.Line();
            w.Line("/// <summary>The client requests go through.</summary>");
            w.Line("public HttpClient Client => _client;");
            foreach (var op in api.Operations)
            {
                w.Line();
                EmitMethod(w, model, op);
            }
        }
        return w.ToString();
    }

    private static void EmitMethod(SourceWriter w, ApiModel model, ApiOperation op)
    {
        w.Line("/// <inheritdoc />");
        var parameters = OperationShape.Parameters(op, withDefaults: false, withAttributes: false).Concat(new[] { "CancellationToken cancellationToken" });
        using (w.Block($"public {OperationShape.ReturnType(op)} {op.MethodName}({string.Join(", ", parameters)})"))
        {
            foreach (var p in op.Parameters.Where(p => p.Required && !p.Type.IsValueType && p.Location != ParameterLocation.Path))
                w.Line($"ArgumentNullException.ThrowIfNull({p.Name});");
            EmitUri(w, model, op);
            var statements = new SourceWriter();
            EmitHeadersAndContent(statements, op);
            var newRequest = $"new HttpRequestMessage({OperationShape.HttpMethod(op)}, uri)";
            string request;
            if (statements.ToString().Length == 0)
            {
                // Nothing to add to the request: build it in place (a stream builds it when enumerated).
                request = OperationShape.IsStream(op) ? $"() => {newRequest}" : newRequest;
            }
            else
            {
                using (w.Block("HttpRequestMessage Request()"))
                {
                    w.Line($"var request = {newRequest};");
                    w.Lines(statements.ToString());
                    w.Line("return request;");
                }
                request = OperationShape.IsStream(op) ? "Request" : "Request()";
            }
            w.Line(Call(model, op, request));
        }
    }

    private static void EmitUri(SourceWriter w, ApiModel model, ApiOperation op)
    {
        var path = PathTemplate.Parameter.Replace(CSharpText.Literal(op.Path), m =>
        {
            var p = op.Parameters.First(x => x.Location == ParameterLocation.Path && x.WireName == m.Groups[1].Value);
            var text = p.Type.Kind == TypeRefKind.String ? p.Name : $"DockerQuery.Integer({p.Name})!";
            return $"\" + DockerUri.Segment({text}, nameof({p.Name})) + \"";
        }).Replace(" + \"\"", "");
        var query = op.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
        if (query.Count == 0)
        {
            w.Line($"var uri = {path};");
            return;
        }
        w.Line("var query = new QueryString();");
        foreach (var p in query)
        {
            var wire = CSharpText.Literal(p.WireName);
            switch (p.Type.Kind)
            {
                case TypeRefKind.List:
                    w.Line($"query.AddEach({wire}, {p.Name});");
                    break;
                case TypeRefKind.Boolean:
                    w.Line($"query.Add({wire}, DockerQuery.{(model.BooleanFormat == QueryBooleanFormat.Numeric ? "Numeric" : "Word")}({p.Name}));");
                    break;
                case TypeRefKind.Int32:
                case TypeRefKind.Int64:
                    w.Line($"query.Add({wire}, DockerQuery.Integer({p.Name}));");
                    break;
                case TypeRefKind.Double:
                    w.Line($"query.Add({wire}, DockerQuery.Number({p.Name}));");
                    break;
                default:
                    w.Line($"query.Add({wire}, {p.Name});");
                    break;
            }
        }
        w.Line($"var uri = query.AppendTo({path});");
    }

    private static void EmitHeadersAndContent(SourceWriter w, ApiOperation op)
    {
        // x-docker-since: checked against the connection's API version before anything is sent (ApiVersionHandler).
        var id = CSharpText.Literal(op.OperationId);
        if (op.Since is not null)
            w.Line($"DockerCall.RequireVersion(request, {CSharpText.Literal(op.Since)}, {id});");
        foreach (var p in op.Parameters.Where(p => p.Since is not null))
        {
            var what = CSharpText.Literal($"{op.OperationId} ({p.WireName})");
            w.Line(p.Required && !p.Type.Nullable
                ? $"DockerCall.RequireVersion(request, {CSharpText.Literal(p.Since!)}, {what});"
                : $"if ({p.Name} is not null) DockerCall.RequireVersion(request, {CSharpText.Literal(p.Since!)}, {what});");
        }
        foreach (var p in op.Parameters.Where(p => p.Location == ParameterLocation.Header && !IsContentType(p)))
        {
            w.Line($"DockerHeaders.Add(request, {CSharpText.Literal(p.WireName)}, {p.Name}, nameof({p.Name}));");
        }
        var files = op.Parameters.Where(p => p.Location == ParameterLocation.FormFile).ToList();
        if (files.Count > 0)
        {
            w.Line("var form = new MultipartFormDataContent();");
            foreach (var f in files)
            {
                var mediaType = f.MediaType is null ? "" : $", {CSharpText.Literal(f.MediaType)}";
                var fileName = f.FileName is null ? "" : $", fileName: {CSharpText.Literal(f.FileName)}";
                w.Line($"DockerRequestContent.AddFile(form, {CSharpText.Literal(f.WireName)}, {f.Name}{mediaType}{fileName});");
            }
            w.Line("request.Content = form;");
        }
        if (op.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Body) is { } body)
        {
            // An optional body of a value type (a JsonElement) is a Nullable<T> here: its value is what is written.
            var value = !body.Required && body.Type.IsValueType ? body.Name + ".Value" : body.Name;
            var content = body.Type.Kind == TypeRefKind.Binary
                ? $"DockerContent.Binary({body.Name}, {CSharpText.Literal(body.MediaType ?? "application/octet-stream")})"
                : $"DockerCall.Json({value}, DockerJsonContext.Default.{TypeNames.InfoName(body.Type.AsNullable(false))})";
            // Docker reads an optional JSON object as its zero value when it is empty, but some calls (exec start) refuse
            // no body at all: an absent one is sent as {}.
            var absent = body.Type is { Kind: TypeRefKind.Named, NamedKind: TypeKind.Object } && body.MediaType is null or "application/json" ? "DockerCall.EmptyJsonObject()" : "null";
            w.Line(body.Required ? $"request.Content = {content};" : $"request.Content = {body.Name} is null ? {absent} : {content};");
        }
        // A Content-Type header parameter (ImageBuild's) belongs to the content, which HttpRequestHeaders refuse.
        foreach (var p in op.Parameters.Where(IsContentType))
            w.Line($"DockerRequestContent.SetContentType(request, {p.Name}, nameof({p.Name}));");
    }

    private static bool IsContentType(ApiParameter p) =>
        p.Location == ParameterLocation.Header && string.Equals(p.WireName, "Content-Type", System.StringComparison.OrdinalIgnoreCase);

    private static string Call(ApiModel model, ApiOperation op, string request)
    {
        var id = CSharpText.Literal(op.OperationId);
        switch (op.Result)
        {
            case ResultKind.Json:
                return $"return DockerCall.SendJsonAsync(_client, {request}, DockerJsonContext.Default.{TypeNames.InfoName(op.ResultType!)}, {id}, cancellationToken);";
            case ResultKind.Text:
                return $"return DockerCall.SendTextAsync(_client, {request}, {id}, cancellationToken);";
            case ResultKind.Header:
                return $"return DockerCall.SendForHeaderAsync(_client, {request}, {CSharpText.Literal(op.ResultHeader!)}, {id}, cancellationToken);";
            case ResultKind.Binary:
                return $"return DockerCall.SendStreamAsync(_client, {request}, {id}, cancellationToken);";
            case ResultKind.Hijack:
                return $"return DockerCall.HijackAsync(_client, {request}, HijackMode.Raw, {id}, cancellationToken);";
            case ResultKind.HijackUpgrade:
                return $"return DockerCall.HijackAsync(_client, {request}, HijackMode.UpgradeTcp, {id}, cancellationToken);";
            case ResultKind.TextProgress:
                return $"return DockerCall.StreamTextProgressAsync(_client, {request}, {id}, cancellationToken);";
            case ResultKind.BuildOutput:
                return $"return DockerCall.StreamBuildOutputAsync(_client, {request}, {id}, cancellationToken);";
            case ResultKind.JsonProgress:
                var errorOf = op.ErrorProperty is null ? "null" : $"static m => m.{op.ErrorProperty}";
                var options = op.SkipNonJsonText ? "JsonStreamOptions.Lenient" : "JsonStreamOptions.Default";
                return $"return DockerCall.StreamJsonAsync(_client, {request}, DockerJsonContext.Default.{TypeNames.InfoName(op.ResultType!)}, {errorOf}, {options}, {id}, cancellationToken);";
            default:
                // 304 is success where the spec lists it (start, stop): the object is already as asked.
                return op.Responses.Any(r => r.Status == "304")
                    ? $"return DockerCall.SendAsync(_client, {request}, {id}, notModifiedIsSuccess: true, cancellationToken);"
                    : $"return DockerCall.SendAsync(_client, {request}, {id}, cancellationToken);";
        }
    }
}
