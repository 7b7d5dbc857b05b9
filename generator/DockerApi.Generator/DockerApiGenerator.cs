using System;
using System.Collections.Generic;
using DockerApi.Generator.Diagnostics;
using DockerApi.Generator.Emitting;
using DockerApi.Generator.Model;
using DockerApi.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerApi.Generator;

/// <summary>
/// Generates a Docker client from each spec file the project lists as <c>&lt;DockerApiSpec Include="…" /&gt;</c>
/// (an AdditionalFile with <c>DockerApiSpec=true</c>): Parsing → equatable Model → Emitting.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DockerApiGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline's steps, for cacheability tests.</summary>
    public static class Steps
    {
        public const string Inputs = "DockerApi.Inputs";
        public const string Models = "DockerApi.Models";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) =>
            {
                var options = pair.Right.GetOptions(pair.Left);
                if (!options.TryGetValue("build_metadata.AdditionalFiles.DockerApiSpec", out var isSpec)
                    || !string.Equals(isSpec, "true", StringComparison.OrdinalIgnoreCase))
                    return null;
                options.TryGetValue("build_metadata.AdditionalFiles.Namespace", out var ns);
                options.TryGetValue("build_metadata.AdditionalFiles.IncludeUndocumented", out var undocumented);
                var text = pair.Left.GetText(cancellationToken)?.ToString() ?? "";
                return new SpecInput(pair.Left.Path, text, string.IsNullOrWhiteSpace(ns) ? null : ns,
                    string.Equals(undocumented, "true", StringComparison.OrdinalIgnoreCase));
            })
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(Steps.Inputs);

        var models = inputs
            .Select(static (input, cancellationToken) => SpecParser.Parse(input, cancellationToken))
            .WithTrackingName(Steps.Models);

        context.RegisterSourceOutput(models, static (production, result) => Produce(production, result));
    }

    private static void Produce(SourceProductionContext production, ParseResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
            production.ReportDiagnostic(DiagnosticBag.ToDiagnostic(diagnostic));
        if (result.Model is not { } model)
            return;
        try
        {
            foreach (var (hintName, source) in Emit(model))
                production.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError,
                Location.Create(result.Path, default, default), $"{e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>Every emitted file of a model, hint name first, in a stable order.</summary>
    internal static IEnumerable<(string HintName, string Source)> Emit(ApiModel model)
    {
        var prefix = model.Namespace + ".";
        foreach (var api in model.Interfaces)
        {
            yield return (prefix + api.InterfaceName + ".g.cs", InterfaceEmitter.Emit(model, api));
            yield return (prefix + api.ClientName + ".g.cs", ClientEmitter.Emit(model, api));
            if (ExtensionsEmitter.Applies(api))
                yield return (prefix + ExtensionsEmitter.ClassName(api) + ".g.cs", ExtensionsEmitter.Emit(model, api));
        }
        foreach (var type in model.Types)
            yield return (prefix + type.Name + ".g.cs", ModelEmitter.Emit(model, type));
        yield return (prefix + "DockerJsonContext.g.cs", JsonEmitter.Emit(model));
        yield return (prefix + "DockerClient.g.cs", FacadeEmitter.EmitClient(model));
        yield return (prefix + "DockerApiRegistration.g.cs", FacadeEmitter.EmitRegistration(model));
    }
}
