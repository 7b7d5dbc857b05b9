namespace DockerApi.Generator.Emitting;

/// <summary>
/// Every type outside the generated namespace that emitted code names, written as <c>global::</c> and its namespace, as
/// System.Text.Json's and Refit's generators write them: emitted files have no usings, so a spec may call its types
/// <c>Task</c>, <c>Stream</c> or <c>Options</c> and nothing is shadowed, and a new runtime type needs no list of names.
/// </summary>
internal static class Global
{
    // System
    public const string ArgumentException = "global::System.ArgumentException";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string IDisposable = "global::System.IDisposable";
    public const string IProgress = "global::System.IProgress";
    public const string Type = "global::System.Type";
    public const string StringBuilder = "global::System.Text.StringBuilder";
    public const string ModuleInitializer = "global::System.Runtime.CompilerServices.ModuleInitializer";
    public const string IAsyncEnumerable = "global::System.Collections.Generic.IAsyncEnumerable";
    public const string IEnumerable = "global::System.Collections.Generic.IEnumerable";
    public const string IReadOnlyDictionary = "global::System.Collections.Generic.IReadOnlyDictionary";
    public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string Stream = "global::System.IO.Stream";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string HttpClient = "global::System.Net.Http.HttpClient";
    public const string HttpMethod = "global::System.Net.Http.HttpMethod";
    public const string HttpRequestMessage = "global::System.Net.Http.HttpRequestMessage";
    public const string MultipartFormDataContent = "global::System.Net.Http.MultipartFormDataContent";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string JsonSerializerOptions = "global::System.Text.Json.JsonSerializerOptions";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonConverterAttribute = "global::System.Text.Json.Serialization.JsonConverter";
    public const string IJsonTypeInfoResolver = "global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver";
    public const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";

    // Refit
    public const string Refit = "global::Refit";
    public const string RefitSettings = "global::Refit.RefitSettings";
    public const string RestService = "global::Refit.RestService";

    // DockerApi.Runtime
    public const string DockerApiException = "global::DockerApi.DockerApiException";
    public const string DockerStreamException = "global::DockerApi.DockerStreamException";
    public const string DockerEndpointResolver = "global::DockerApi.Configuration.DockerEndpointResolver";
    public const string DockerCall = "global::DockerApi.Generated.DockerCall";
    public const string DockerHeaders = "global::DockerApi.Generated.DockerHeaders";
    public const string DockerQuery = "global::DockerApi.Generated.DockerQuery";
    public const string DockerUri = "global::DockerApi.Generated.DockerUri";
    public const string QueryString = "global::DockerApi.Generated.QueryString";
    public const string DockerContent = "global::DockerApi.Requests.DockerContent";
    public const string DockerRequestContent = "global::DockerApi.Requests.DockerRequestContent";
    public const string DockerJson = "global::DockerApi.Serialization.DockerJson";
    public const string DockerJsonConverterFactory = "global::DockerApi.Serialization.DockerJsonConverterFactory";
    public const string DockerTimestamp = "global::DockerApi.Serialization.DockerTimestamp";
    public const string EmptyObject = "global::DockerApi.Serialization.EmptyObject";
    public const string JsonObjectShape = "global::DockerApi.Serialization.JsonObjectShape";
    public const string JsonTypeTable = "global::DockerApi.Serialization.JsonTypeTable";
    public const string JsonValue = "global::DockerApi.Serialization.JsonValue";
    public const string JsonValues = "global::DockerApi.Serialization.JsonValues";
    public const string BuildOutput = "global::DockerApi.Streams.BuildOutput";
    public const string BuildOutputLine = "global::DockerApi.Streams.BuildOutputLine";
    public const string JsonStreamOptions = "global::DockerApi.Streams.JsonStreamOptions";
    public const string MultiplexedStream = "global::DockerApi.Streams.MultiplexedStream";
    public const string ProgressLine = "global::DockerApi.Streams.ProgressLine";
    public const string DockerEndpoint = "global::DockerApi.Transport.DockerEndpoint";
    public const string DockerHijackedStream = "global::DockerApi.Transport.DockerHijackedStream";
    public const string DockerHttpClient = "global::DockerApi.Transport.DockerHttpClient";
    public const string DockerTransportOptions = "global::DockerApi.Transport.DockerTransportOptions";
    public const string DockerVersionException = "global::DockerApi.Transport.DockerVersionException";
    public const string HijackMode = "global::DockerApi.Transport.HijackMode";
    public const string NegotiatedVersion = "global::DockerApi.Transport.NegotiatedVersion";
    public const string VersionNegotiation = "global::DockerApi.Transport.VersionNegotiation";
}
