using System;
using System.Collections.Generic;
using System.IO;
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
internal sealed class SpecParser
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

    private ApiOperation? ReadOperation(string method, string path, YamlScalarNode pathKey, YamlMappingNode node, List<YamlMappingNode> shared,
        SchemaReader schemas, Dictionary<string, string> seenIds, List<TypeRef> jsonRoots)
    {
        var where = $"{method.ToUpperInvariant()} {path}";
        var id = node.Str("operationId");
        if (string.IsNullOrWhiteSpace(id))
        {
            _diagnostics.Report(DiagnosticDescriptors.MissingOperationId, node, where);
            return null;
        }
        if (seenIds.TryGetValue(id!, out var first))
        {
            _diagnostics.Report(DiagnosticDescriptors.DuplicateOperationId, node.Get("operationId"), id!, first);
            return null;
        }
        seenIds[id!] = where;

        // What Docker's published files say only in prose; an operation with an x-docker-stream of its own never looks.
        var known = node.Str("x-docker-stream") is null ? ProseStreams.Find(method, path, id!) : null;
        if (known?.Needs is not null)
        {
            _diagnostics.Report(DiagnosticDescriptors.OperationNotGenerated, node.Get("operationId"), id!, where, known.Needs!);
            return null;
        }

        var parameters = ReadParameters(id!, path, pathKey, node, shared, schemas, jsonRoots);
        var responses = new List<ApiResponse>();
        YamlMappingNode? success = null;
        foreach (var entry in node.Map("responses")?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (entry.Key is not YamlScalarNode { Value: { } status } || entry.Value is not YamlMappingNode response)
                continue;
            responses.Add(new ApiResponse(status, response.Describe() ?? ""));
            if (success is null && status.Length == 3 && status[0] == '2')
                success = response;
        }
        if (success is null && responses.Count == 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidSpec, node, $"The operation {id} ({where}) has no 'responses'.");
            return null;
        }

        var (result, resultType, errorProperty) = ReadResult(id!, node, success, schemas, known);
        var resultHeader = result == ResultKind.None ? AnsweredHeader(success) : null;
        if (resultHeader is not null)
            result = ResultKind.Header;
        if (result == ResultKind.Json && resultType is not null)
            jsonRoots.Add(resultType);
        if (result == ResultKind.JsonProgress && resultType is not null)
            jsonRoots.Add(resultType);

        if (node.Bool("x-docker-undocumented") && !_input.IncludeUndocumented)
            return null;

        var methodName = MethodName(id!, TagOf(node), method) + "Async";

        var request = new ApiRequest(method.ToUpperInvariant(), path, parameters.ToEquatableArray());
        var answer = new ApiResult(result, responses.ToEquatableArray())
        {
            Type = resultType,
            Header = resultHeader,
            ErrorProperty = errorProperty,
            SkipNonJsonText = node.Bool("x-docker-stream-tolerates-text"),
            Framing = ReadFraming(node, result, known),
        };
        var docs = new ApiDocs(node.Str("summary"), node.Str("description"), node.Bool("x-docker-undocumented"));
        return new ApiOperation(id!, methodName, request, answer, docs, ReadSince(node));
    }

    /// <summary>
    /// The method's name: the operationId less its tag (<c>ContainerList</c> of Container: <c>List</c>); a POST named
    /// for another tag's object and its own (<c>ContainerExec</c> of Exec) makes one: <c>Create</c>.
    /// </summary>
    private static string MethodName(string id, string tag, string method)
    {
        if (id.StartsWith(tag, StringComparison.Ordinal) && id.Length > tag.Length && char.IsUpper(id[tag.Length]))
            return id.Substring(tag.Length);
        if (method == "post" && tag.Length > 0 && id.Length > tag.Length && id.EndsWith(tag, StringComparison.Ordinal))
            return "Create";
        return Naming.Pascal(id);
    }

    /// <summary>
    /// The one header a success without a body answers with (<c>X-Docker-Container-Path-Stat</c> of
    /// <c>ContainerArchiveInfo</c>): then that header's value is the result. Null for none, several, or a name that is
    /// not an HTTP token.
    /// </summary>
    private static string? AnsweredHeader(YamlMappingNode? success)
    {
        if (success?.Map("headers") is not { Children.Count: 1 } headers)
            return null;
        var name = ((YamlScalarNode)headers.Children.Keys.First()).Value;
        return name is { Length: > 0 } && name.All(c => c < 128 && (char.IsLetterOrDigit(c) || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0)) ? name : null;
    }

    /// <summary><c>x-docker-since: "1.44"</c>: the API version that added an operation or a parameter.</summary>
    private string? ReadSince(YamlMappingNode node)
    {
        var since = node.Str("x-docker-since");
        if (since is null || ApiVersion.IsMatch(since))
            return since;
        _diagnostics.Report(DiagnosticDescriptors.InvalidExtension, node.Get("x-docker-since"), "x-docker-since", since, "an API version such as 1.44");
        return null;
    }

    /// <summary>
    /// How container output is framed: a hijacked connection is multiplexed unless <c>x-docker-framing: raw</c>; a
    /// binary answer (logs) only when it says <c>multiplexed</c> or its prose entry does.
    /// </summary>
    private OutputFraming ReadFraming(YamlMappingNode node, ResultKind result, ProseStreams.Entry? known)
    {
        var framing = node.Str("x-docker-framing");
        if (framing is not null and not ("raw" or "multiplexed"))
            _diagnostics.Report(DiagnosticDescriptors.InvalidExtension, node.Get("x-docker-framing"), "x-docker-framing", framing, "raw, multiplexed");
        return result switch
        {
            ResultKind.Hijack or ResultKind.HijackUpgrade => framing == "raw" ? OutputFraming.Raw : OutputFraming.Multiplexed,
            ResultKind.Binary when framing == "multiplexed" => OutputFraming.Multiplexed,
            ResultKind.Binary when framing is null && known?.Framing == "multiplexed" => OutputFraming.Multiplexed,
            _ => OutputFraming.None,
        };
    }

    /// <param name="known">The operation's entry in <see cref="ProseStreams"/>, when it has no x-docker-stream.</param>
    private (ResultKind, TypeRef?, string?) ReadResult(string id, YamlMappingNode node, YamlMappingNode? success, SchemaReader schemas, ProseStreams.Entry? known)
    {
        var schema = success?.Map("schema");
        // The operation's own x-docker-stream, else the prose table's words for it: one reading of both.
        var declared = node.Str("x-docker-stream") ?? known?.Stream;
        StreamKind? stream = null;
        if (declared is not null)
        {
            if (!StreamKinds.ByName.TryGetValue(declared, out stream))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidExtension, node.Get("x-docker-stream"), "x-docker-stream", declared, string.Join(", ", StreamKinds.ByName.Keys));
                return (ResultKind.None, null, null);
            }
        }
        TypeRef? message = null;
        // A version without the message definition keeps every byte: the answer comes out as a Stream.
        if (known?.Message is not null && (message = schemas.Definition(known.Message)) is null)
            stream = StreamKinds.ByName["binary"];
        switch (stream?.Result)
        {
            case ResultKind.JsonProgress when message is not null:
                return (ResultKind.JsonProgress, message.AsNullable(false), schemas.ErrorAccessor(message));
            case ResultKind.JsonProgress:
                if (schema is null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidSpec, success ?? node,
                        $"The JSON progress stream of {id} needs a 'schema' on its success response: the schema of one message.");
                    return (ResultKind.None, null, null);
                }
                if (node.Map("x-docker-stream-result") is { } resultSchema)
                    message = schemas.MergeOptional(id + "Message", new[] { schema, resultSchema }, schema);
                else
                    message = schemas.Read(schema, id + "Message", nullable: false);
                // json-progress promises in-band errors, so its messages must carry them; json-values (events, stats) has none.
                var error = stream!.InBandErrors ? schemas.ErrorAccessor(message) : null;
                if (error is null && stream.InBandErrors)
                    _diagnostics.Report(DiagnosticDescriptors.StreamWithoutErrors, schema, id);
                return (ResultKind.JsonProgress, message.AsNullable(false), error);
            case { } other:
                return (other, null, null); // hijack, hijack-upgrade, binary, text-progress, build-output: no message type
        }
        if (schema is null)
            return (ResultKind.None, null, null);
        var type = schemas.Read(schema, id + "Response", nullable: schema.Bool("x-nullable"));
        return type.Kind switch
        {
            TypeRefKind.Binary => (ResultKind.Binary, null, null),
            TypeRefKind.String => (ResultKind.Text, null, null),
            _ => (ResultKind.Json, type, null),
        };
    }

    private List<ApiParameter> ReadParameters(string id, string path, YamlScalarNode pathKey, YamlMappingNode node, List<YamlMappingNode> shared,
        SchemaReader schemas, List<TypeRef> jsonRoots)
    {
        var declared = shared.Concat(node.Seq("parameters")?.Children.OfType<YamlMappingNode>() ?? Enumerable.Empty<YamlMappingNode>()).ToList();
        var consumes = node.Seq("consumes")?.Children.OfType<YamlScalarNode>().Select(c => c.Value!).Where(c => c is not null).ToList() ?? new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ApiParameter>();

        foreach (var template in PathTemplate.Parameter.Matches(path).Cast<Match>().Select(m => m.Groups[1].Value))
        {
            if (!declared.Any(p => p.Str("in") == "path" && p.Str("name") == template))
                _diagnostics.Report(DiagnosticDescriptors.UndeclaredPathParameter, pathKey, path, template);
        }

        foreach (var p in declared)
        {
            if (p.Get("$ref") is { } reference)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidSpec, reference, $"Parameter $ref is not supported in {id}; declare the parameter inline.");
                continue;
            }
            var wire = p.Str("name") ?? "";
            var location = p.Str("in");
            var required = p.Bool("required") || location == "path";
            TypeRef type;
            ParameterLocation where;
            switch (location)
            {
                case "path":
                    if (!path.Contains("{" + wire + "}"))
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidSpec, p, $"The path parameter '{wire}' of {id} is not in the path '{path}'.");
                        continue;
                    }
                    where = ParameterLocation.Path;
                    type = SimpleType(p, id, wire);
                    if (type.Kind is not (TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64))
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidSpec, p.Get("type") ?? p,
                            $"The path parameter '{wire}' of {id} must be a string or an integer: it is one segment of the path.");
                        continue;
                    }
                    break;
                case "query":
                    where = ParameterLocation.Query;
                    type = SimpleType(p, id, wire);
                    break;
                case "header":
                    where = ParameterLocation.Header;
                    type = TypeRef.Of(TypeRefKind.String);
                    break;
                case "body":
                    where = ParameterLocation.Body;
                    type = p.Map("schema") is { } schema ? schemas.Read(schema, id + "Request", nullable: false) : TypeRef.Of(TypeRefKind.Element);
                    // A string body of an operation that consumes no JSON is bytes (ImageCreate's tar of fromSrc=-), not a JSON string.
                    if (type.Kind == TypeRefKind.String && consumes.Count > 0 && !consumes.Any(IsJson))
                        type = TypeRef.Of(TypeRefKind.Binary);
                    if (type.Kind != TypeRefKind.Binary)
                        jsonRoots.Add(type.AsNullable(false));
                    break;
                case "formData" when p.Str("type") == "file":
                    where = ParameterLocation.FormFile;
                    type = TypeRef.Of(TypeRefKind.Binary);
                    break;
                default:
                    _diagnostics.Report(DiagnosticDescriptors.InvalidSpec, p.Get("in") ?? p,
                        $"Parameter '{wire}' of {id}: 'in: {location}' is not supported; use path, query, header, body or a formData file.");
                    continue;
            }
            var mediaType = where switch
            {
                ParameterLocation.Body => BodyMediaType(consumes, type),
                ParameterLocation.FormFile => p.Str("x-docker-content-type"),
                _ => null,
            };
            // The emitters' own locals step aside from the spec's names (OperationShape.Local): the name is kept.
            result.Add(new ApiParameter(Naming.Unique(Naming.Camel(wire), names), wire, where, type.AsNullable(!required), required,
                p.Describe(), mediaType, where == ParameterLocation.FormFile ? p.Str("x-docker-file-name") : null, ReadSince(p)));
        }
        // Path parameters in template order, then required ones, then optional ones: C# wants optional parameters last.
        return result
            .OrderBy(p => p.Location == ParameterLocation.Path ? 0 : p.Required ? 1 : 2)
            .ThenBy(p => p.Location == ParameterLocation.Path ? path.IndexOf("{" + p.WireName + "}", StringComparison.Ordinal) : 0)
            .ToList();
    }

    private static bool IsJson(string mediaType) => mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Content-Type of a body: for bytes a tar or octet-stream when the operation takes one (not text/plain), else the first listed.</summary>
    private static string? BodyMediaType(List<string> consumes, TypeRef type)
    {
        if (type.Kind == TypeRefKind.Binary)
        {
            foreach (var preferred in new[] { "application/x-tar", "application/octet-stream" })
            {
                if (consumes.Contains(preferred, StringComparer.OrdinalIgnoreCase))
                    return preferred;
            }
        }
        return consumes.FirstOrDefault();
    }

    private TypeRef SimpleType(YamlMappingNode parameter, string id, string wire)
    {
        switch (parameter.Str("type"))
        {
            case "boolean":
                return TypeRef.Of(TypeRefKind.Boolean);
            case "integer":
                return TypeRef.Of(parameter.Str("format") == "int32" ? TypeRefKind.Int32 : TypeRefKind.Int64);
            case "number":
                return TypeRef.Of(TypeRefKind.Double);
            case "array":
                return new TypeRef(TypeRefKind.List, false, Item: TypeRef.Of(TypeRefKind.String));
            case "string":
            case null:
                return TypeRef.Of(TypeRefKind.String);
            default:
                _diagnostics.Report(DiagnosticDescriptors.InvalidSpec, parameter.Get("type"),
                    $"Parameter '{wire}' of {id}: 'type: {parameter.Str("type")}' is not a Swagger 2.0 parameter type.");
                return TypeRef.Of(TypeRefKind.String);
        }
    }

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
