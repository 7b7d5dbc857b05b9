using System.Linq;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary><c>IProgress&lt;T&gt;</c> conveniences for the streaming operations of one interface.</summary>
internal static class ExtensionsEmitter
{
    // ClientName is "{Tag}ApiClient": only its suffix changes ("Client" may be part of the tag too).
    public static string ClassName(ApiInterface api) => api.ClientName.Substring(0, api.ClientName.Length - "Client".Length) + "Extensions";

    public static bool Applies(ApiInterface api) => api.Operations.Any(OperationShape.IsStream);

    public static string Emit(ApiModel model, ApiInterface api)
    {
        var w = new SourceWriter().FileHeader(model.Namespace, InterfaceEmitter.Usings.Concat(new[] { "DockerApi.Generated" }).ToArray());
        w.Line($"/// <summary>Ways to run the streaming operations of <see cref=\"{api.InterfaceName}\"/> to their end, with progress.</summary>");
        using (w.Block($"public static partial class {ClassName(api)}"))
        {
            var first = true;
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
                        ? $"return BuildOutput.ReadImageIdAsync({call}, progress, {TypeNames.Literal(op.OperationId)}, cancellationToken);"
                        : $"return DockerCall.ConsumeAsync({call}, progress, cancellationToken);");
                }
            }
        }
        return w.ToString();
    }
}
