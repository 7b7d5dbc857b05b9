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
        var w = new SourceWriter().FileHeader(model.Namespace);
        w.Line($"/// <summary>The implementation of <see cref=\"{api.InterfaceName}\"/>: every call goes through DockerApi.Runtime.</summary>");
        using (w.Block($"internal sealed partial class {api.ClientName} : {TypeNames.Own(model.Namespace, api.InterfaceName)}"))
        {
            w.Line($"private readonly {Global.HttpClient} _client;");
            w.Line();
            w.Line($"public {api.ClientName}({Global.HttpClient} client, {Global.RefitSettings}? settings = null)");
            w.OpenBrace();
            w.Line($"{Global.ArgumentNullException}.ThrowIfNull(client);");
            w.Line("_client = client;");
            w.Line("_ = settings; // requests and answers follow the spec, not Refit's serializer settings");
            w.CloseBrace();
            w.Line();
            w.Line("/// <summary>The client requests go through.</summary>");
            w.Line($"public {Global.HttpClient} Client => _client;");
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
        var parameters = OperationShape.Parameters(op, model.Namespace, withDefaults: false, withAttributes: false)
            .Concat(new[] { OperationShape.CancellationParameter(op, withDefault: false) });
        using (w.Block($"public {OperationShape.ReturnType(op, model.Namespace)} {op.MethodName}({string.Join(", ", parameters)})"))
        {
            foreach (var p in op.Request.Parameters.Where(p => p.Required && !p.Type.IsValueType && p.Location != ParameterLocation.Path))
                w.Line($"{Global.ArgumentNullException}.ThrowIfNull({p.Name});");
            EmitUri(w, model, op);
            var request = OperationShape.Local(op, "request");
            var statements = new SourceWriter();
            EmitHeadersAndContent(statements, model, op, request);
            var newRequest = $"new {Global.HttpRequestMessage}({OperationShape.HttpMethod(op)}, {OperationShape.Local(op, "uri")})";
            string send;
            if (statements.ToString().Length == 0)
            {
                // Nothing to add to the request: build it in place (a stream builds it when enumerated).
                send = OperationShape.IsStream(op) ? $"() => {newRequest}" : newRequest;
            }
            else
            {
                var factory = OperationShape.Local(op, "Request");
                using (w.Block($"{Global.HttpRequestMessage} {factory}()"))
                {
                    w.Line($"var {request} = {newRequest};");
                    w.Lines(statements.ToString());
                    w.Line($"return {request};");
                }
                send = OperationShape.IsStream(op) ? factory : factory + "()";
            }
            w.Line(Call(model, op, send));
        }
    }

    private static void EmitUri(SourceWriter w, ApiModel model, ApiOperation op)
    {
        var path = PathTemplate.Parameter.Replace(CSharpText.Literal(op.Request.Path), m =>
        {
            var p = op.Request.Parameters.First(x => x.Location == ParameterLocation.Path && x.WireName == m.Groups[1].Value);
            var text = p.Type.Kind == TypeRefKind.String ? p.Name : $"{Global.DockerQuery}.Integer({p.Name})!";
            return $"\" + {Global.DockerUri}.Segment({text}, nameof({p.Name})) + \"";
        }).Replace(" + \"\"", "");
        var uri = OperationShape.Local(op, "uri");
        var query = op.Request.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
        if (query.Count == 0)
        {
            w.Line($"var {uri} = {path};");
            return;
        }
        var q = OperationShape.Local(op, "query");
        w.Line($"var {q} = new {Global.QueryString}();");
        foreach (var p in query)
        {
            var wire = CSharpText.Literal(p.WireName);
            var value = p.Type.Kind switch
            {
                TypeRefKind.Boolean => $"{Global.DockerQuery}.{(model.BooleanFormat == QueryBooleanFormat.Numeric ? "Numeric" : "Word")}({p.Name})",
                TypeRefKind.Int32 or TypeRefKind.Int64 => $"{Global.DockerQuery}.Integer({p.Name})",
                TypeRefKind.Double => $"{Global.DockerQuery}.Number({p.Name})",
                _ => p.Name,
            };
            w.Line(p.Type.Kind == TypeRefKind.List ? $"{q}.AddEach({wire}, {p.Name});" : $"{q}.Add({wire}, {value});");
        }
        w.Line($"var {uri} = {q}.AppendTo({path});");
    }

    private static void EmitHeadersAndContent(SourceWriter w, ApiModel model, ApiOperation op, string request)
    {
        // x-docker-since: checked against the connection's API version before anything is sent (ApiVersionHandler).
        var id = CSharpText.Literal(op.OperationId);
        if (op.Since is not null)
            w.Line($"{Global.DockerCall}.RequireVersion({request}, {CSharpText.Literal(op.Since)}, {id});");
        foreach (var p in op.Request.Parameters.Where(p => p.Since is not null))
        {
            var what = CSharpText.Literal($"{op.OperationId} ({p.WireName})");
            var require = $"{Global.DockerCall}.RequireVersion({request}, {CSharpText.Literal(p.Since!)}, {what});";
            w.Line(p.Required && !p.Type.Nullable ? require : $"if ({p.Name} is not null) {require}");
        }
        foreach (var p in op.Request.Parameters.Where(p => p.Location == ParameterLocation.Header && !IsContentType(p)))
        {
            w.Line($"{Global.DockerHeaders}.Add({request}, {CSharpText.Literal(p.WireName)}, {p.Name}, nameof({p.Name}));");
        }
        var files = op.Request.Parameters.Where(p => p.Location == ParameterLocation.FormFile).ToList();
        if (files.Count > 0)
        {
            var form = OperationShape.Local(op, "form");
            w.Line($"var {form} = new {Global.MultipartFormDataContent}();");
            foreach (var f in files)
            {
                var mediaType = f.MediaType is null ? "" : $", {CSharpText.Literal(f.MediaType)}";
                var fileName = f.FileName is null ? "" : $", fileName: {CSharpText.Literal(f.FileName)}";
                w.Line($"{Global.DockerRequestContent}.AddFile({form}, {CSharpText.Literal(f.WireName)}, {f.Name}{mediaType}{fileName});");
            }
            w.Line($"{request}.Content = {form};");
        }
        if (op.Request.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Body) is { } body)
        {
            // An optional body of a value type (a JsonElement) is a Nullable<T> here: its value is what is written.
            var value = !body.Required && body.Type.IsValueType ? body.Name + ".Value" : body.Name;
            var content = body.Type.Kind == TypeRefKind.Binary
                ? $"{Global.DockerContent}.Binary({body.Name}, {CSharpText.Literal(body.MediaType ?? "application/octet-stream")})"
                : $"{Global.DockerCall}.Json({value}, {Info(model, body.Type.AsNullable(false))})";
            // Docker reads an optional JSON object as its zero value when it is empty, but some calls (exec start) refuse
            // no body at all: an absent one is sent as {}.
            var absent = body.Type is { Kind: TypeRefKind.Named, NamedKind: TypeKind.Object } && body.MediaType is null or "application/json"
                ? $"{Global.DockerCall}.EmptyJsonObject()"
                : "null";
            w.Line(body.Required ? $"{request}.Content = {content};" : $"{request}.Content = {body.Name} is null ? {absent} : {content};");
        }
        // A Content-Type header parameter (ImageBuild's) belongs to the content, which HttpRequestHeaders refuse.
        foreach (var p in op.Request.Parameters.Where(IsContentType))
            w.Line($"{Global.DockerRequestContent}.SetContentType({request}, {p.Name}, nameof({p.Name}));");
    }

    /// <summary>The JSON type info of <paramref name="type"/> in the version's context.</summary>
    private static string Info(ApiModel model, TypeRef type) =>
        $"{TypeNames.Own(model.Namespace, "DockerJsonContext")}.Default.{TypeNames.InfoName(type)}";

    private static bool IsContentType(ApiParameter p) =>
        p.Location == ParameterLocation.Header && string.Equals(p.WireName, "Content-Type", System.StringComparison.OrdinalIgnoreCase);

    private static string Call(ApiModel model, ApiOperation op, string request)
    {
        var id = CSharpText.Literal(op.OperationId);
        var ct = OperationShape.Local(op, "cancellationToken");
        var call = Global.DockerCall;
        switch (op.Result.Kind)
        {
            case ResultKind.Json:
                return $"return {call}.SendJsonAsync(_client, {request}, {Info(model, op.Result.Type!)}, {id}, {ct});";
            case ResultKind.Text:
                return $"return {call}.SendTextAsync(_client, {request}, {id}, {ct});";
            case ResultKind.Header:
                return $"return {call}.SendForHeaderAsync(_client, {request}, {CSharpText.Literal(op.Result.Header!)}, {id}, {ct});";
            case ResultKind.Binary:
                return $"return {call}.SendStreamAsync(_client, {request}, {id}, {ct});";
            case ResultKind.Hijack:
                return $"return {call}.HijackAsync(_client, {request}, {Global.HijackMode}.Raw, {id}, {ct});";
            case ResultKind.HijackUpgrade:
                return $"return {call}.HijackAsync(_client, {request}, {Global.HijackMode}.UpgradeTcp, {id}, {ct});";
            case ResultKind.TextProgress:
                return $"return {call}.StreamTextProgressAsync(_client, {request}, {id}, {ct});";
            case ResultKind.BuildOutput:
                return $"return {call}.StreamBuildOutputAsync(_client, {request}, {id}, {ct});";
            case ResultKind.JsonProgress:
                // A static lambda's parameter may shadow a method parameter (C# 8 and later): no spec name is in its way.
                var errorOf = op.Result.ErrorProperty is null ? "null" : $"static m => m.{op.Result.ErrorProperty}";
                var options = $"{Global.JsonStreamOptions}.{(op.Result.SkipNonJsonText ? "Lenient" : "Default")}";
                return $"return {call}.StreamJsonAsync(_client, {request}, {Info(model, op.Result.Type!)}, {errorOf}, {options}, {id}, {ct});";
            default:
                // 304 is success where the spec lists it (start, stop): the object is already as asked.
                return op.Result.Responses.Any(r => r.Status == "304")
                    ? $"return {call}.SendAsync(_client, {request}, {id}, notModifiedIsSuccess: true, {ct});"
                    : $"return {call}.SendAsync(_client, {request}, {id}, {ct});";
        }
    }
}
