using System.Linq;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary><c>IProgress&lt;T&gt;</c> conveniences for the streaming operations of one interface.</summary>
internal static class ExtensionsEmitter
{
    public static bool Applies(ApiInterface api) => api.Operations.Any(op => OperationShape.IsStream(op) || op.Result.Framing != OutputFraming.None);

    public static string Emit(ApiModel model, ApiInterface api)
    {
        var w = new SourceWriter().FileHeader(model.Namespace);
        var hijacks = api.Operations.Any(op => op.Result.Framing != OutputFraming.None);  // hijacked connections and framed answers (logs)
        var streams = api.Operations.Any(OperationShape.IsStream);
        var what = (streams ? "to run the streaming operations of {0} to their end, with progress" : "")
            + (streams && hijacks ? ", and to read container output" : hijacks ? "to read the container output of {0}" : "");
        w.Line($"/// <summary>Ways {string.Format(what, $"<see cref=\"{api.InterfaceName}\"/>")}.</summary>");
        using (w.Block($"public static partial class {api.ExtensionsName}"))
        {
            var first = true;
            foreach (var op in api.Operations.Where(op => op.Result.Framing != OutputFraming.None))
            {
                if (!first)
                    w.Line();
                first = false;
                EmitOutput(w, model, api, op);
            }
            foreach (var op in api.Operations.Where(OperationShape.IsStream))
            {
                if (!first)
                    w.Line();
                first = false;
                EmitConsume(w, model, api, op);
            }
        }
        return w.ToString();
    }

    /// <summary>The stream of <paramref name="op"/> read to its end, each message handed to an <c>IProgress&lt;T&gt;</c>.</summary>
    private static void EmitConsume(SourceWriter w, ApiModel model, ApiInterface api, ApiOperation op)
    {
        var (self, progress, ct) = (OperationShape.Local(op, "api"), OperationShape.Local(op, "progress"), OperationShape.Local(op, "cancellationToken"));
        var build = op.Result.Kind == ResultKind.BuildOutput;
        OperationShape.Docs(w, op, extension: true, returns: build ? "The id of the built image." : "A task that completes when the stream has ended.");
        var parameters = new[] { $"this {TypeNames.Own(model.Namespace, api.InterfaceName)} {self}", $"{Global.IProgress}<{OperationShape.MessageType(op, model.Namespace)}>? {progress}" }
            .Concat(OperationShape.Parameters(op, model.Namespace, withDefaults: true, withAttributes: false))
            .Concat(new[] { OperationShape.CancellationParameter(op, withDefault: true) });
        var call = $"{self}.{op.MethodName}({OperationShape.Arguments(op)})";
        using (w.Block($"public static {(build ? $"{Global.Task}<string>" : Global.Task)} {op.MethodName}({string.Join(", ", parameters)})"))
        {
            w.Line($"{Global.ArgumentNullException}.ThrowIfNull({self});");
            w.Line(build
                ? $"return {Global.BuildOutput}.ReadImageIdAsync({call}, {progress}, {CSharpText.Literal(op.OperationId)}, {ct});"
                : $"return {Global.DockerCall}.ConsumeAsync({call}, {progress}, {ct});");
        }
    }

    /// <summary>
    /// The hijacked connection of <paramref name="op"/> as a <see cref="Model.OutputFraming"/>-aware reader: what the
    /// spec says of the framing (x-docker-framing) is decided here, not by each caller.
    /// </summary>
    private static void EmitOutput(SourceWriter w, ApiModel model, ApiInterface api, ApiOperation op)
    {
        var (self, tty, ct) = (OperationShape.Local(op, "api"), OperationShape.Local(op, "tty"), OperationShape.Local(op, "cancellationToken"));
        var raw = op.Result.Framing == OutputFraming.Raw;
        var hijacked = op.Result.Kind is ResultKind.Hijack or ResultKind.HijackUpgrade;
        var name = op.MethodName.Substring(0, op.MethodName.Length - "Async".Length) + "OutputAsync";
        w.Line($"/// <summary>");
        w.Line($"/// {op.OperationId}, {(hijacked ? "its connection" : "the answer")} read as container output: {(raw ? "raw bytes, as this API version has no framing (stdout and stderr cannot be told apart)" : "stdout and stderr in 8-byte frames, or raw bytes when the container has a TTY")}.");
        w.Line(hijacked
            ? $"/// Write stdin to <see cref=\"{Global.MultiplexedStream}.Inner\"/>; disposing the result closes the connection."
            : "/// Disposing the result ends the answer.");
        w.Line($"/// </summary>");
        w.Line($"/// <param name=\"{self}\">The API.</param>");
        foreach (var p in op.Request.Parameters)
            XmlDoc.Element(w, "param", $"name=\"{p.Name.TrimStart('@')}\"", OperationShape.ParameterText(op, p));
        if (!raw)
            w.Line($"/// <param name=\"{tty}\">True when the container (or exec) has a TTY: its output is raw, not framed.</param>");
        w.Line($"/// <param name=\"{ct}\">Cancels the request.</param>");
        w.Line("/// <returns>The container output.</returns>");
        var parameters = new[] { $"this {TypeNames.Own(model.Namespace, api.InterfaceName)} {self}" }
            .Concat(OperationShape.Parameters(op, model.Namespace, withDefaults: true, withAttributes: false))
            .Concat(raw ? new string[0] : new[] { $"bool {tty} = false" })
            .Concat(new[] { OperationShape.CancellationParameter(op, withDefault: true) });
        using (w.Block($"public static async {Global.Task}<{Global.MultiplexedStream}> {name}({string.Join(", ", parameters)})"))
        {
            var output = OperationShape.Local(op, "output");
            w.Line($"{Global.ArgumentNullException}.ThrowIfNull({self});");
            w.Line($"var {output} = await {self}.{op.MethodName}({OperationShape.Arguments(op)}).ConfigureAwait(false);");
            w.Line($"return new {Global.MultiplexedStream}({output}, {CSharpText.Literal(op.OperationId)}, tty: {(raw ? "true" : tty)});");
        }
    }
}
