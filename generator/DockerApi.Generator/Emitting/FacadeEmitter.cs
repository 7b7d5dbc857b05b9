using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary>The <c>DockerClient</c> of a version, and the registration of every implementation with Refit.</summary>
internal static class FacadeEmitter
{
    public static string EmitClient(ApiModel model)
    {
        var w = new SourceWriter().FileHeader(model.Namespace);
        w.Line($"/// <summary>A client of {XmlDoc.Escape(model.Title)} {model.ApiVersion}: one property per group of operations.</summary>");
        w.Line("/// <remarks>");
        w.Line($"/// Every request carries the <c>/v{model.ApiVersion}</c> prefix. The client has no overall timeout: bound each call with its");
        w.Line($"/// <see cref=\"{Global.CancellationToken}\"/>.");
        w.Line("/// </remarks>");
        using (w.Block($"public sealed partial class DockerClient : {Global.IDisposable}"))
        {
            w.Line("/// <summary>The API version this client speaks.</summary>");
            w.Line($"public const string ApiVersion = {CSharpText.Literal(model.ApiVersion)};");
            w.Line();
            w.Line($"private static readonly {Global.RefitSettings} Settings = new();");
            w.Line("private readonly bool _ownsHttpClient;");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// A client for the daemon the docker CLI would use: <c>DOCKER_HOST</c>, <c>DOCKER_CONTEXT</c>, the current context, the");
            w.Line($"/// default socket or another known one (<see cref=\"{Global.DockerEndpointResolver}\"/>).");
            w.Line("/// </summary>");
            w.Line($"public DockerClient() : this({Global.DockerEndpointResolver}.Resolve().Endpoint)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>A client for the daemon at <paramref name=\"endpoint\"/>.</summary>");
            w.Line("/// <param name=\"endpoint\">Where the daemon listens.</param>");
            w.Line("/// <param name=\"options\">Connection settings; null for the defaults.</param>");
            w.Line($"public DockerClient({Global.DockerEndpoint} endpoint, {Global.DockerTransportOptions}? options = null)");
            w.Line($"    : this({Global.DockerHttpClient}.Create(endpoint, ApiVersion, options), ownsHttpClient: true)");
            w.Line("{");
            w.Line("}");
            w.Line();
            EmitConnect(w, model);
            w.Line($"/// <summary>A client over an <see cref=\"{Global.HttpClient}\"/> you configured (see <see cref=\"{Global.DockerHttpClient}.Create\"/>); it is not disposed with this client.</summary>");
            w.Line("/// <param name=\"httpClient\">A client whose handler chain reaches the daemon and adds the version prefix.</param>");
            w.Line($"public DockerClient({Global.HttpClient} httpClient) : this(httpClient, ownsHttpClient: false)");
            w.Line("{");
            w.Line("}");
            w.Line();
            using (w.Block($"private DockerClient({Global.HttpClient} httpClient, bool ownsHttpClient)"))
            {
                w.Line($"{Global.ArgumentNullException}.ThrowIfNull(httpClient);");
                w.Line("HttpClient = httpClient;");
                w.Line("_ownsHttpClient = ownsHttpClient;");
                foreach (var api in model.Interfaces)
                    w.Line($"{api.PropertyName} = new {TypeNames.Own(model.Namespace, api.ClientName)}(httpClient, Settings);");
            }
            w.Line();
            w.Line("/// <summary>The HTTP client every request goes through.</summary>");
            w.Line($"public {Global.HttpClient} HttpClient {{ get; }}");
            foreach (var api in model.Interfaces)
            {
                w.Line();
                w.Line($"/// <summary>The <c>{XmlDoc.Escape(api.Tag)}</c> operations.</summary>");
                w.Line($"public {TypeNames.Own(model.Namespace, api.InterfaceName)} {api.PropertyName} {{ get; }}");
            }
            w.Line();
            w.Line("/// <summary>Disposes the HTTP client if this client created it.</summary>");
            using (w.Block("public void Dispose()"))
            {
                w.Line("if (_ownsHttpClient)");
                w.Line("    HttpClient.Dispose();");
            }
        }
        return w.ToString();
    }

    /// <summary>ConnectAsync: the version agreed with the daemon, down to the daemon's own when it is older (modern APIs).</summary>
    private static void EmitConnect(SourceWriter w, ApiModel model)
    {
        w.Line("/// <summary>");
        if (System.Version.Parse(model.ApiVersion) >= new System.Version(1, 25))
        {
            w.Line($"/// Connects to the daemon at <paramref name=\"endpoint\"/> in the newest API version both speak: {model.ApiVersion}, or the daemon's own");
            w.Line("/// when it is older (from 1.25 on, as the docker CLI does). A call or a parameter that the agreed version lacks then");
            w.Line($"/// raises <see cref=\"{Global.DockerVersionException}\"/> before anything is sent.");
        }
        else
        {
            w.Line($"/// Connects to the daemon at <paramref name=\"endpoint\"/> after checking that it accepts API {model.ApiVersion}.");
        }
        w.Line("/// </summary>");
        w.Line($"/// <param name=\"endpoint\">Where the daemon listens; null for the one the docker CLI would use (<see cref=\"{Global.DockerEndpointResolver}\"/>).</param>");
        w.Line("/// <param name=\"options\">Connection settings; null for the defaults.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the negotiation.</param>");
        w.Line("/// <returns>A client whose <see cref=\"Negotiated\"/> says the version it speaks.</returns>");
        w.Line($"/// <exception cref=\"{Global.DockerVersionException}\">The daemon speaks no version this client can.</exception>");
        using (w.Block($"public static async {Global.Task}<{TypeNames.Own(model.Namespace, "DockerClient")}> ConnectAsync({Global.DockerEndpoint}? endpoint = null, {Global.DockerTransportOptions}? options = null, {Global.CancellationToken} cancellationToken = default)"))
        {
            w.Line($"endpoint ??= {Global.DockerEndpointResolver}.Resolve().Endpoint;");
            w.Line($"var negotiated = await {Global.VersionNegotiation}.NegotiateAsync(endpoint, new[] {{ ApiVersion }}, cancellationToken).ConfigureAwait(false);");
            w.Line("return new DockerClient(endpoint, negotiated, options);");
        }
        w.Line();
        w.Line($"/// <summary>A client for the daemon at <paramref name=\"endpoint\"/> in a version negotiated with it (<see cref=\"{Global.VersionNegotiation}\"/>).</summary>");
        w.Line("/// <param name=\"endpoint\">Where the daemon listens.</param>");
        w.Line($"/// <param name=\"negotiated\">The outcome of a negotiation whose <see cref=\"{Global.NegotiatedVersion}.ClientVersion\"/> is this client's version.</param>");
        w.Line("/// <param name=\"options\">Connection settings; null for the defaults.</param>");
        w.Line($"public DockerClient({Global.DockerEndpoint} endpoint, {Global.NegotiatedVersion} negotiated, {Global.DockerTransportOptions}? options = null)");
        w.Line($"    : this({Global.DockerHttpClient}.Create(endpoint, Checked(negotiated).ApiVersion, options), ownsHttpClient: true) => Negotiated = negotiated;");
        w.Line();
        w.Line($"private static {Global.NegotiatedVersion} Checked({Global.NegotiatedVersion} negotiated)");
        w.Line("{");
        w.Line($"    {Global.ArgumentNullException}.ThrowIfNull(negotiated);");
        w.Line("    return negotiated.ClientVersion == ApiVersion");
        w.Line("        ? negotiated");
        w.Line($"        : throw new {Global.ArgumentException}($\"The negotiation chose the client of API {{negotiated.ClientVersion}}; this one is {{ApiVersion}}.\", nameof(negotiated));");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>The version agreed with the daemon by <see cref=\"ConnectAsync\"/>; null for a client made by a constructor, which speaks <see cref=\"ApiVersion\"/>.</summary>");
        w.Line($"public {Global.NegotiatedVersion}? Negotiated {{ get; private init; }}");
        w.Line();
    }

    public static string EmitRegistration(ApiModel model)
    {
        var w = new SourceWriter().FileHeader(model.Namespace);
        w.Line("/// <summary>");
        w.Line($"/// Hands Refit our implementations, so that <c>RestService.For&lt;T&gt;</c> and <c>AddRefitGeneratedClient&lt;T&gt;</c> return");
        w.Line("/// them, and the JSON context to the converter every generated type names.");
        w.Line("/// </summary>");
        using (w.Block("internal static class DockerApiRegistration"))
        {
            w.Line("// Refit's own generator registers its clients the same way; its generator cannot see ours.");
            w.Line("#pragma warning disable CA2255");
            w.Line($"[{Global.ModuleInitializer}]");
            w.Line("#pragma warning restore CA2255");
            using (w.Block("internal static void Register()"))
            {
                // Made when a type is first serialized with other options, not at load.
                w.Line($"{Global.DockerJsonConverterFactory}.Register(static () => {TypeNames.Own(model.Namespace, "DockerJsonContext")}.Default.Options);");
                foreach (var api in model.Interfaces)
                    w.Line($"{Global.RestService}.RegisterGeneratedSettingsFactory<{TypeNames.Own(model.Namespace, api.InterfaceName)}>(static (client, settings) => new {TypeNames.Own(model.Namespace, api.ClientName)}(client, settings));");
            }
        }
        return w.ToString();
    }
}
