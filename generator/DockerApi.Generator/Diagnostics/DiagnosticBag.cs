using System.Collections.Generic;
using DockerApi.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Generator.Diagnostics;

/// <summary>Collects diagnostics as plain data, each positioned on the YAML node it is about.</summary>
internal sealed class DiagnosticBag(string filePath)
{
    private readonly List<DiagnosticInfo> _items = new();

    public string FilePath { get; } = filePath;

    public bool HasErrors { get; private set; }

    public IReadOnlyList<DiagnosticInfo> Items => _items;

    public void Report(DiagnosticDescriptor descriptor, YamlNode? node, params string[] arguments) =>
        Report(descriptor, node?.Start ?? Mark.Empty, node?.End ?? Mark.Empty, arguments);

    public void Report(DiagnosticDescriptor descriptor, Mark start, Mark end, params string[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            HasErrors = true;
        // YamlDotNet counts lines and columns from 1; Roslyn from 0.
        var startLine = (int)System.Math.Max(0, start.Line - 1);
        var startColumn = (int)System.Math.Max(0, start.Column - 1);
        var endLine = (int)System.Math.Max(startLine, end.Line - 1);
        var endColumn = end.Line - 1 == startLine ? (int)System.Math.Max(startColumn, end.Column - 1) : (int)System.Math.Max(0, end.Column - 1);
        _items.Add(new DiagnosticInfo(descriptor.Id, arguments.ToEquatableArray(), FilePath, (int)start.Index,
            (int)System.Math.Max(0, end.Index - start.Index), startLine, startColumn, endLine, endColumn));
    }

    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var location = Location.Create(info.FilePath, new TextSpan(info.Start, info.Length),
            new LinePositionSpan(new LinePosition(info.StartLine, info.StartColumn), new LinePosition(info.EndLine, info.EndColumn)));
        var arguments = new object[info.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
            arguments[i] = info.Arguments[i];
        return Diagnostic.Create(DiagnosticDescriptors.ById(info.Id), location, arguments);
    }
}
