using System.Linq;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary>The Refit interface of one tag.</summary>
internal static class InterfaceEmitter
{
    public static string Emit(ApiModel model, ApiInterface api)
    {
        var w = new SourceWriter().FileHeader(model.Namespace);
        XmlDoc.Summary(w, api.Description, $"The {api.Tag} operations of {model.Title} {model.ApiVersion}.");
        w.Line($"/// <remarks>{XmlDoc.Escape(model.Title)} {model.ApiVersion}, tag <c>{XmlDoc.Escape(api.Tag)}</c>. Get one from <see cref=\"DockerClient\"/>, <c>RestService.For&lt;{api.InterfaceName}&gt;(httpClient)</c> or <c>AddRefitGeneratedClient&lt;{api.InterfaceName}&gt;()</c>.</remarks>");
        using (w.Block($"public partial interface {api.InterfaceName}"))
        {
            var first = true;
            foreach (var op in api.Operations)
            {
                if (!first)
                    w.Line();
                first = false;
                OperationShape.Docs(w, op);
                w.Line(OperationShape.RefitAttribute(op));
                if (op.Request.Parameters.Any(p => p.Location == ParameterLocation.FormFile))
                    w.Line($"[{Global.Refit}.Multipart]");
                var parameters = OperationShape.Parameters(op, model.Namespace, withDefaults: true, withAttributes: true)
                    .Concat(new[] { OperationShape.CancellationParameter(op, withDefault: true) });
                w.Line($"{OperationShape.ReturnType(op, model.Namespace)} {op.MethodName}({string.Join(", ", parameters)});");
            }
        }
        return w.ToString();
    }
}
