using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DockerApi.Generator.Diagnostics;
using DockerApi.Generator.Model;
using DockerApi.Generator.Names;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// Operations: parameters, responses and how the answer is read — where each operation-level <c>x-docker-*</c>
/// extension is read into its part of <see cref="ApiOperation"/> (request, result, docs).
/// </summary>
internal sealed partial class SpecParser
{
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
}
