using System.Linq;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary><c>IProgress&lt;T&gt;</c> conveniences for the streaming operations of one interface.</summary>
internal static class ExtensionsEmitter
{
    public static bool Applies(ApiInterface api) => api.Operations.Any(op => OperationShape.IsStream(op) || op.Framing != OutputFraming.None);

    public static string Emit(ApiModel model, ApiInterface api)
    {
        var w = new SourceWriter().FileHeader(model.Namespace, InterfaceEmitter.Usings.Concat(new[] { "DockerApi.Generated" }).ToArray());
        var hijacks = api.Operations.Any(op => op.Framing != OutputFraming.None);  // hijacked connections and framed answers (logs)
        var streams = api.Operations.Any(OperationShape.IsStream);
        var what = (streams ? "to run the streaming operations of {0} to their end, with progress" : "")
            + (streams && hijacks ? ", and to read container output" : hijacks ? "to read the container output of {0}" : "");
        w.Line($"/// <summary>Ways {string.Format(what, $"<see cref=\"{api.InterfaceName}\"/>")}.</summary>");
        using (w.Block($"public static partial class {api.ExtensionsName}"))
        {
            var first = true;
            foreach (var op in api.Operations.Where(op => op.Framing != OutputFraming.None))
            {
                if (!first)
                    w.Line();
                first = false;
                EmitOutput(w, api, op);
            }
            foreach (var op in api.Operations.Where(OperationShape.IsStream))
            {
                if (!first)
                    w.Line();
                first = false;
                var message = OperationShape.MessageType(op)!;
                var build = op.Result == ResultKind.BuildOutput;
                OperationShape.Docs(w, op, extension: true, returns: build ? "The id of the built image." : "A task that completes when the stream has ended.");
                var parameters = new[] { $"this {api.InterfaceName} api", $"IProgress<{message}>? progress" }
                    .Concat(OperationShape.Parameters(op, withDefaults: true, withAttributes: false))
                    .Concat(new[] { "CancellationToken cancellationToken = default" });
                var call = $"api.{op.MethodName}({OperationShape.Arguments(op)})";
                using (w.Block($"public static {(build ? "Task<string>" : "Task")} {op.MethodName}({string.Join(", ", parameters)})"))
                {
                    w.Line("ArgumentNullException.ThrowIfNull(api);");
                    w.Line(build
                        ? $"return BuildOutput.ReadImageIdAsync({call}, progress, {CSharpText.Literal(op.OperationId)}, cancellationToken);"
                        : $"return DockerCall.ConsumeAsync({call}, progress, cancellationToken);");
                }
            }
        }
        return w.ToString();
    }

    /// <summary>
    /// The hijacked connection of <paramref name="op"/> as a <see cref="Model.OutputFraming"/>-aware reader: what the
    /// spec says of the framing (x-docker-framing) is decided here, not by each caller.
    /// </summary>
    private static void EmitOutput(SourceWriter w, ApiInterface api, ApiOperation op)
    {
        var raw = op.Framing == OutputFraming.Raw;
        var hijacked = op.Result is ResultKind.Hijack or ResultKind.HijackUpgrade;
        var name = op.MethodName.Substring(0, op.MethodName.Length - "Async".Length) + "OutputAsync";
        w.Line($"/// <summary>");
        w.Line($"/// {op.OperationId}, {(hijacked ? "its connection" : "the answer")} read as container output: {(raw ? "raw bytes, as this API version has no framing (stdout and stderr cannot be told apart)" : "stdout and stderr in 8-byte frames, or raw bytes when the container has a TTY")}.");
        w.Line(hijacked
            ? "/// Write stdin to <see cref=\"MultiplexedStream.Inner\"/>; disposing the result closes the connection."
            : "/// Disposing the result ends the answer.");
        w.Line($"/// </summary>");
        w.Line("/// <param name=\"api\">The API.</param>");
        foreach (var p in op.Parameters)
            XmlDoc.Element(w, "param", $"name=\"{p.Name.TrimStart('@')}\"", p.Description ?? $"The `{p.WireName}` parameter.");
        if (!raw)
            w.Line("/// <param name=\"tty\">True when the container (or exec) has a TTY: its output is raw, not framed.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        w.Line("/// <returns>The container output.</returns>");
        var parameters = new[] { $"this {api.InterfaceName} api" }
            .Concat(OperationShape.Parameters(op, withDefaults: true, withAttributes: false))
            .Concat(raw ? new string[0] : new[] { "bool tty = false" })
            .Concat(new[] { "CancellationToken cancellationToken = default" });
        using (w.Block($"public static async Task<MultiplexedStream> {name}({string.Join(", ", parameters)})"))
        {
            w.Line("ArgumentNullException.ThrowIfNull(api);");
            w.Line($"var output = await api.{op.MethodName}({OperationShape.Arguments(op)}).ConfigureAwait(false);");
            w.Line($"return new MultiplexedStream(output, {CSharpText.Literal(op.OperationId)}, tty: {(raw ? "true" : "tty")});");
        }
    }
}
