namespace DockerApi.Generator.Model;

/// <summary>Everything generated from one spec file.</summary>
internal sealed record ApiModel(
    string Namespace,
    string Title,
    string ApiVersion,
    string? Description,
    QueryBooleanFormat BooleanFormat,
    bool CaseInsensitiveJson,
    EquatableArray<ApiInterface> Interfaces,
    EquatableArray<ApiType> Types,
    EquatableArray<TypeRef> JsonRoots);

internal enum QueryBooleanFormat
{
    Word,
    Numeric,
}

/// <summary>One Refit interface: the operations of one tag.</summary>
/// <param name="ExtensionsName">The static class of its streaming and output conveniences (emitted when it has such operations).</param>
internal sealed record ApiInterface(string Tag, string InterfaceName, string ClientName, string ExtensionsName, string PropertyName, string? Description,
    EquatableArray<ApiOperation> Operations);

/// <summary>How an operation's answer is read.</summary>
internal enum ResultKind
{
    None,
    Json,
    Text,
    Binary,
    JsonProgress,
    TextProgress,
    BuildOutput,

    /// <summary>The connection is taken over after a 200 head (API 1.0 – 1.2).</summary>
    Hijack,

    /// <summary>The connection is taken over after <c>101 UPGRADED</c>, asked for with <c>Upgrade: tcp</c>.</summary>
    HijackUpgrade,

    /// <summary>No body: the value of the one header the success answers with (<see cref="ApiResult.Header"/>).</summary>
    Header,
}

/// <summary>
/// One operation, in named parts: what is sent (<see cref="Request"/>), how the answer is read (<see cref="Result"/>)
/// and what is said of it (<see cref="Docs"/>). An extension that changes one part adds a property to that part's
/// record, read by the parser and used by the emitter that writes that part; nothing else moves.
/// </summary>
/// <param name="Since">The API version that added the operation (<c>x-docker-since</c>); null when it is in every version the spec covers.</param>
internal sealed record ApiOperation(string OperationId, string MethodName, ApiRequest Request, ApiResult Result, ApiDocs Docs, string? Since = null);

/// <summary>The request: method, path template and parameters (path parameters in template order, then required, then optional).</summary>
internal sealed record ApiRequest(string HttpMethod, string Path, EquatableArray<ApiParameter> Parameters);

/// <summary>How the answer is read.</summary>
/// <param name="Kind">One value, a stream, a hijacked connection, a header, or nothing.</param>
/// <param name="Responses">Every status the spec lists, with its description.</param>
internal sealed record ApiResult(ResultKind Kind, EquatableArray<ApiResponse> Responses)
{
    /// <summary>The type of a JSON answer, or of each message of a JSON stream.</summary>
    public TypeRef? Type { get; init; }

    /// <summary>For <see cref="ResultKind.Header"/>, the header whose value is the result.</summary>
    public string? Header { get; init; }

    /// <summary>
    /// The C# member path to the error text of a JSON stream's messages (<c>Error</c>, or <c>ErrorDetail?.Message</c>
    /// where the spec lists only <c>errorDetail</c>), whose value raises <c>DockerStreamException</c>; null when the
    /// messages have none (events, stats).
    /// </summary>
    public string? ErrorProperty { get; init; }

    /// <summary>Raw text between a JSON stream's values is skipped (<c>x-docker-stream-tolerates-text</c>).</summary>
    public bool SkipNonJsonText { get; init; }

    /// <summary>For a hijacked connection or a binary answer of container output (logs), how it is framed (<c>x-docker-framing</c>).</summary>
    public OutputFraming Framing { get; init; }
}

/// <summary>What is said of an operation: the spec's texts, and whether the daemon documented it.</summary>
internal sealed record ApiDocs(string? Summary, string? Description, bool Undocumented);

/// <summary>How container output (a hijacked connection: attach, exec; or an answer: logs) is framed.</summary>
internal enum OutputFraming
{
    /// <summary>Not container output.</summary>
    None,

    /// <summary>8-byte headers name stdout and stderr (API 1.6 and later), unless the container has a TTY.</summary>
    Multiplexed,

    /// <summary><c>x-docker-framing: raw</c>: no framing at all (API 1.0 – 1.5).</summary>
    Raw,
}

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Body,
    FormFile,
}

/// <param name="MediaType">The Content-Type of a body or of a form file part.</param>
/// <param name="Since">The API version that added the parameter (<c>x-docker-since</c>); null when it is as old as the operation.</param>
/// <param name="FileName">The file name of a form file part, when not its wire name.</param>
internal sealed record ApiParameter(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    string? Description,
    string? MediaType,
    string? FileName = null,
    string? Since = null);

internal sealed record ApiResponse(string Status, string Description);

internal enum TypeKind
{
    Object,
    IntEnum,
    StringEnum,
}

/// <summary>A generated type: a record for an object schema, an enum for an integer enum, a value type for a string enum.</summary>
/// <param name="KeepsUnknownMembers">
/// An object that keeps what the daemon sent beyond its properties (<c>ExtensionData</c>) and writes it back: every
/// object a request or an answer uses, not the messages of a stream, which are read once and never written.
/// </param>
internal sealed record ApiType(string Name, string? Description, TypeKind Kind, EquatableArray<ApiProperty> Properties, EquatableArray<ApiEnumMember> Members,
    bool KeepsUnknownMembers = true);

/// <param name="Value">What the schema states about the values (allowed ones, default, range), for <c>&lt;value&gt;</c>; null when nothing.</param>
internal sealed record ApiProperty(string Name, string WireName, TypeRef Type, string? Description, bool Required, bool Sensitive, string? Value = null);

internal sealed record ApiEnumMember(string Name, string Value, string? Description);

internal enum TypeRefKind
{
    String,
    Boolean,
    Int32,
    Int64,
    UInt32,
    UInt64,
    Double,
    DateTime,
    Named,
    List,
    Map,
    EmptyObject,
    Element,
    Binary,
}

/// <summary>A use of a type: a primitive, a generated type, or a list or map of one.</summary>
/// <param name="OrSingle">A list that also reads one bare item as a list of one (<c>type: [array, string]</c>: Cmd, Entrypoint).</param>
internal sealed record TypeRef(TypeRefKind Kind, bool Nullable, string? Name = null, TypeRef? Item = null, TypeKind NamedKind = TypeKind.Object,
    bool OrSingle = false)
{
    public static TypeRef Of(TypeRefKind kind) => new(kind, false);

    public TypeRef AsNullable(bool nullable = true) => this with { Nullable = nullable };

    public bool IsValueType => Kind switch
    {
        TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.UInt32 or TypeRefKind.UInt64
            or TypeRefKind.Double or TypeRefKind.DateTime or TypeRefKind.Element => true,
        TypeRefKind.Named => NamedKind != TypeKind.Object,
        _ => false,
    };
}
