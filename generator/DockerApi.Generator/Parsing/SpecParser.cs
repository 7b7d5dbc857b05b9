using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DockerApi.Generator.Diagnostics;
using DockerApi.Generator.Model;
using DockerApi.Generator.Names;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Generator.Parsing;

/// <summary>Parses one spec file into an <see cref="ApiModel"/>. Never throws: every problem becomes a diagnostic.</summary>
internal sealed partial class SpecParser
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch" };
    /// <summary>An API version as the files write it: <c>1.2</c>, <c>1.44</c>.</summary>
    private static readonly Regex ApiVersion = new(@"^\d{1,4}\.\d{1,4}\z", RegexOptions.Compiled);

    private static readonly Regex YamlPosition = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.Compiled);

    private readonly SpecInput _input;
    private readonly YamlMappingNode _root;
    private readonly DiagnosticBag _diagnostics;
    private readonly CancellationToken _cancellationToken;

    private SpecParser(SpecInput input, YamlMappingNode root, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _input = input;
        _root = root;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag(input.Path);
        ApiModel? model = null;
        try
        {
            var root = Load(input.Text, diagnostics);
            if (root is not null)
                model = new SpecParser(input, root, diagnostics, cancellationToken).ParseModel();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug of ours must reach the user as a diagnostic, never as a generator crash (CS8785).
            diagnostics.Report(DiagnosticDescriptors.InternalError, Mark.Empty, Mark.Empty, $"{e.GetType().Name}: {e.Message}");
        }
        return new ParseResult(input.Path, diagnostics.HasErrors ? null : model, diagnostics.Items.ToEquatableArray());
    }

    private static YamlMappingNode? Load(string text, DiagnosticBag diagnostics)
    {
        if (!YamlBudget.Check(text, diagnostics))
            return null;
        YamlStream stream;
        try
        {
            stream = TolerantYaml.Load(text);
        }
        catch (YamlException e)
        {
            var message = YamlPosition.Replace(e.InnerException?.Message ?? e.Message, "");
            diagnostics.Report(DiagnosticDescriptors.YamlSyntax, e.Start, e.End, message.TrimEnd('.'));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidSpec, stream.Documents.FirstOrDefault()?.RootNode,
                "The spec must be a YAML mapping with 'swagger: \"2.0\"', 'info' and 'paths'.");
            return null;
        }
        return root;
    }

    private ApiModel? ParseModel()
    {
        if (_root.Str("swagger") != "2.0")
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidSpec, _root.Get("swagger") ?? _root,
                $"The spec must be Swagger 2.0 ('swagger: \"2.0\"'); found '{_root.Str("swagger") ?? "nothing"}'.");
            return null;
        }
        var info = _root.Map("info");
        var version = info?.Str("version");
        if (version is null || !ApiVersion.IsMatch(version))
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidSpec, info?.Get("version") ?? (YamlNode?)info ?? _root,
                $"'info.version' must be the API version, such as \"1.2\"; found '{version ?? "nothing"}'.");
            return null;
        }
        if (_root.Map("paths") is not { } paths)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidSpec, _root, "The spec has no 'paths'.");
            return null;
        }

        var booleanFormat = ReadEnumExtension("x-docker-query-boolean-format", new[] { "word", "numeric" }, "word") == "numeric"
            ? QueryBooleanFormat.Numeric
            : QueryBooleanFormat.Word;
        // Checked, not carried: the runtime reads an error body in either form (spec/README.md, informative).
        ReadEnumExtension("x-docker-error-format", new[] { "text", "json" }, "json");

        // Type names compare without case: each becomes a file (hint) name, and Thing.g.cs and THING.g.cs are one file on some disks.
        var reserved = new HashSet<string>(ReservedNames.TopLevel, StringComparer.OrdinalIgnoreCase);
        var interfaces = ReadTags(paths, reserved);
        var schemas = new SchemaReader(_root.Map("definitions"), _diagnostics, reserved);
        schemas.ReadAllDefinitions();

        var selected = TagSelection.Read(_input.Tags, interfaces.Values, _diagnostics, _root.Get("tags") ?? _root);
        var operations = new List<(string Tag, ApiOperation Operation)>();
        var seenIds = new Dictionary<string, string>();
        var jsonRoots = new List<TypeRef>();
        foreach (var entry in paths.Children)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (entry.Key is not YamlScalarNode { Value: { } path } pathKey || entry.Value is not YamlMappingNode pathItem)
                continue;
            var shared = pathItem.Seq("parameters")?.Children.OfType<YamlMappingNode>().ToList() ?? new List<YamlMappingNode>();
            foreach (var methodEntry in pathItem.Children)
            {
                if (methodEntry.Key is not YamlScalarNode { Value: { } method } || !HttpMethods.Contains(method) || methodEntry.Value is not YamlMappingNode node)
                    continue;
                if (selected is not null && !selected.Contains(TagOf(node)))
                    continue;
                var operation = ReadOperation(method, path, pathKey, node, shared, schemas, seenIds, jsonRoots);
                if (operation is not null)
                {
                    operations.Add((TagOf(node), operation));
                }
            }
        }

        var apiInterfaces = interfaces.Values
            .Select(i =>
            {
                var taken = new HashSet<string>();
                var ops = operations.Where(o => o.Tag == i.Tag)
                    .Select(o => o.Operation with { MethodName = Naming.Unique(o.Operation.MethodName, taken) });
                return i with { Operations = ops.ToEquatableArray() };
            })
            .Where(i => i.Operations.Count > 0)
            .OrderBy(i => i.InterfaceName, StringComparer.Ordinal)
            .ToEquatableArray();

        var ns = string.IsNullOrWhiteSpace(_input.Namespace) ? "DockerApi.V" + version.Replace('.', '_') : _input.Namespace!.Trim();
        return new ApiModel(ns, info!.Str("title") ?? "Docker API", version, info!.Describe(), booleanFormat,
            // Go's decoder, which every docker client uses, matches names exactly and then without case: the default,
            // as Docker's own files name some answers otherwise than the daemon writes them (IdResponse "Id", daemon "ID").
            _root.Get("x-docker-json-case-insensitive") is null || _root.Bool("x-docker-json-case-insensitive"), apiInterfaces,
            StreamOnly.Mark(selected is null ? schemas.Types : TagSelection.Reachable(schemas.Types, operations.Select(o => o.Operation), jsonRoots),
                operations.Select(o => o.Operation)).ToEquatableArray(),
            jsonRoots.Distinct().ToEquatableArray());
    }

    /// <summary>
    /// One interface per tag: those declared under <c>tags</c> (with their display names), then those operations name
    /// without declaring (and <c>Default</c> for untagged ones). Names are unique: interface and client names among
    /// all type names without case, facade properties among themselves and the facade's own members.
    /// </summary>
    private Dictionary<string, ApiInterface> ReadTags(YamlMappingNode paths, HashSet<string> typeNames)
    {
        var declared = new List<(string Tag, string? Display, string? Description, YamlNode At)>();
        foreach (var tag in _root.Seq("tags")?.Children.OfType<YamlMappingNode>() ?? Enumerable.Empty<YamlMappingNode>())
        {
            if (tag.Str("name") is { } name && declared.All(d => d.Tag != name))
                declared.Add((name, tag.Str("x-displayName"), tag.Describe(), tag));
        }
        foreach (var operation in paths.Children.Values.OfType<YamlMappingNode>().SelectMany(p => p.Children)
                     .Where(m => m.Key is YamlScalarNode { Value: { } method } && HttpMethods.Contains(method)).Select(m => m.Value).OfType<YamlMappingNode>())
        {
            var name = TagOf(operation);
            if (declared.All(d => d.Tag != name))
                declared.Add((name, null, null, operation));
        }

        var interfaces = new Dictionary<string, ApiInterface>();
        var properties = new HashSet<string>(ReservedNames.FacadeMembers);
        foreach (var (tag, display, description, at) in declared)
        {
            var names = TypeNamesOf(Naming.Pascal(tag));
            for (var i = 2; names.Any(typeNames.Contains); i++)
                names = TypeNamesOf(Naming.Pascal(tag) + i);
            foreach (var name in names)
                typeNames.Add(name);
            var property = Naming.Pascal(display ?? tag);
            if (ReservedNames.FacadeMembers.Contains(property))
            {
                var renamed = property + "Api";
                _diagnostics.Report(DiagnosticDescriptors.NameChanged, at, property, "a DockerClient property", "DockerClient has a member of that name", renamed);
                property = renamed;
            }
            interfaces[tag] = new ApiInterface(tag, names[0], names[1], names[2], Naming.Unique(property, properties), description,
                EquatableArray<ApiOperation>.Empty);
        }
        return interfaces;
    }

    /// <summary>The interface, client and extensions class names of a tag's group: I{Tag}Api, {Tag}ApiClient, {Tag}ApiExtensions.</summary>
    private static string[] TypeNamesOf(string pascal) => new[] { "I" + pascal + "Api", pascal + "ApiClient", pascal + "ApiExtensions" };

    /// <summary>The tag an operation is grouped by: its first, else <c>Default</c>.</summary>
    private static string TagOf(YamlMappingNode operation) =>
        operation.Seq("tags")?.Children.OfType<YamlScalarNode>().FirstOrDefault()?.Value ?? "Default";

    private string ReadEnumExtension(string key, string[] allowed, string fallback)
    {
        var value = _root.Str(key);
        if (value is null)
            return fallback;
        if (allowed.Contains(value))
            return value;
        _diagnostics.Report(DiagnosticDescriptors.InvalidExtension, _root.Get(key), key, value, string.Join(", ", allowed));
        return fallback;
    }
}
