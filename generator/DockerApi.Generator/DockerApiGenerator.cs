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
        public const string Parsed = "DockerApi.Parsed";
        public const string Diagnostics = "DockerApi.Diagnostics";
        public const string Models = "DockerApi.Models";
        public const string Units = "DockerApi.Units";
    }

    /// <summary>A type of DockerApi.Runtime that every generated client uses: its absence means the package is missing.</summary>
    private const string RuntimeMarkerType = "DockerApi.Transport.DockerEndpoint";

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
                options.TryGetValue("build_metadata.AdditionalFiles.Tags", out var tags);
                var text = pair.Left.GetText(cancellationToken)?.ToString() ?? "";
                return new SpecInput(pair.Left.Path, text, string.IsNullOrWhiteSpace(ns) ? null : ns,
                    string.Equals(undocumented, "true", StringComparison.OrdinalIgnoreCase), string.IsNullOrWhiteSpace(tags) ? null : tags);
            })
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(Steps.Inputs);

        var parsed = inputs
            .Select(static (input, cancellationToken) => SpecParser.Parse(input, cancellationToken))
            .WithTrackingName(Steps.Parsed);

        // Two pipelines, as System.Text.Json's generator has: diagnostics carry line numbers, which a comment at the
        // top of a spec shifts; the model does not, so such an edit re-emits no file.
        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(Steps.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (var diagnostic in items)
                production.ReportDiagnostic(DiagnosticBag.ToDiagnostic(diagnostic));
        });

        // Generated code is written against the runtime: without it, one clear error instead of thousands of CS0246.
        var runtimePresent = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(RuntimeMarkerType) is not null);
        context.RegisterSourceOutput(inputs.Collect().Combine(runtimePresent), static (production, pair) =>
        {
            if (!pair.Right && pair.Left.Length > 0)
                production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RuntimeMissing,
                    Location.Create(pair.Left[0].Path, default, default), typeof(DockerApiGenerator).Assembly.GetName().Version?.ToString(3) ?? "*"));
        });

        var models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => (result.Path, Model: result.Model!))
            .WithTrackingName(Steps.Models);
        // One output per file, each from only the part of the model it is written from (see SourceUnit).
        var units = models
            .SelectMany(static (pair, _) => Emitting.Units.Of(pair.Path, pair.Model))
            .WithTrackingName(Steps.Units);
        context.RegisterSourceOutput(units.Combine(runtimePresent), static (production, pair) =>
        {
            if (pair.Right)
                Produce(production, pair.Left);
        });
    }

    private static void Produce(SourceProductionContext production, SourceUnit unit)
    {
        string source;
        try
        {
            source = Emitting.Units.Render(unit);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours reaches the user as a diagnostic naming the file it was writing, never as CS8785.
            production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError,
                Location.Create(unit.SpecPath, default, default), $"{unit.HintName}: {e.GetType().Name}: {e.Message}"));
            return;
        }
        production.AddSource(unit.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
    }
}
