using System.Text.Json;

namespace DockerApi.Transport;

/// <summary>The API version a client and a daemon agreed on, and how it was found.</summary>
/// <param name="ApiVersion">The version to use: the highest one the client supports that the daemon accepts.</param>
/// <param name="DaemonMaximum">The newest version the daemon speaks, when it said so.</param>
/// <param name="DaemonMinimum">The oldest version the daemon accepts, when it said so.</param>
/// <param name="Source">Where the daemon's versions came from: <c>/_ping</c>, <c>/version</c> or probing each prefix (2013 daemons).</param>
public sealed record NegotiatedVersion(string ApiVersion, string? DaemonMaximum, string? DaemonMinimum, string Source)
{
    /// <summary>
    /// The supported version whose client to use: <see cref="ApiVersion"/> itself, or a newer client that speaks the
    /// daemon's older version (as the docker CLI does), its newer operations refused before they are sent.
    /// </summary>
    public string ClientVersion { get; init; } = ApiVersion;
}

/// <summary>
/// Finds the API version to talk to a daemon in. Modern daemons name their newest version in the
/// <c>API-Version</c> header of <c>GET /_ping</c> and their range in <c>GET /version</c>; a 2013 daemon has
/// neither, so each version is tried from the newest: it answers an empty 404 to versions newer than itself.
/// </summary>
public static class VersionNegotiation
{
    /// <summary>
    /// The oldest version a newer client speaks down to: that of the oldest of Docker's published descriptions
    /// (1.25), from which on each operation's <c>x-docker-since</c> is known. A client of 1.0 – 1.2 speaks only its own.
    /// </summary>
    public static readonly ApiVersion OldestSpokenDown = new(1, 25);

    /// <summary>
    /// The version to speak with the daemon at <paramref name="endpoint"/>, given the client versions
    /// <paramref name="supported"/> (such as "1.2", "1.55"): the daemon's newest when a client of 1.25 or later at or
    /// above it exists (<see cref="NegotiatedVersion.ClientVersion"/> names which), else the highest supported one the
    /// daemon accepts.
    /// </summary>
    /// <exception cref="DockerVersionException">The daemon accepts none of them.</exception>
    public static async Task<NegotiatedVersion> NegotiateAsync(DockerEndpoint endpoint, IEnumerable<string> supported, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var versions = supported.Select(v => (Text: v, Value: ApiVersion.Parse(v.Trim()))).OrderByDescending(v => v.Value).ToList();
        if (versions.Count == 0)
            throw new ArgumentException("At least one supported version is needed.", nameof(supported));
        using var client = new HttpClient(new DockerHttpHandler(endpoint)) { BaseAddress = endpoint.BaseAddress };

        string? maximum = null, minimum = null, source = null;
        using (var ping = await client.GetAsync("/_ping", cancellationToken).ConfigureAwait(false))
        {
            if (ping.IsSuccessStatusCode && ping.Headers.TryGetValues("API-Version", out var header))
                (maximum, source) = (header.FirstOrDefault(), "/_ping");
        }
        using (var version = await client.GetAsync("/version", HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
        {
            if (version.IsSuccessStatusCode)
            {
                // Bounded, as every answer read whole: a hostile daemon's endless /version is an error, not all the memory.
                using var json = await DockerResponse.ReadDocumentAsync(version, "SystemVersion", cancellationToken, MaxVersionAnswerBytes).ConfigureAwait(false);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    if (maximum is null && json.RootElement.TryGetProperty("ApiVersion", out var api) && api.ValueKind == JsonValueKind.String)
                        (maximum, source) = (api.GetString(), "/version");
                    if (json.RootElement.TryGetProperty("MinAPIVersion", out var min) && min.ValueKind == JsonValueKind.String)
                        minimum = min.GetString();
                }
            }
        }

        if (maximum is not null)
        {
            var (max, min) = (DaemonVersion(maximum, source!), minimum is null ? new ApiVersion(0, 0) : DaemonVersion(minimum, "/version"));
            // The closest modern client at or above the daemon's newest version speaks that version, as the docker CLI does.
            if (max >= OldestSpokenDown && max >= min
                && versions.Where(v => v.Value >= max && v.Value >= OldestSpokenDown).OrderBy(v => v.Value).FirstOrDefault() is { Text: not null } newer)
                return new NegotiatedVersion(max.ToString(), maximum, minimum, source!) { ClientVersion = newer.Text };
            foreach (var (text, value) in versions)
            {
                if (value <= max && value >= min)
                    return new NegotiatedVersion(text, maximum, minimum, source!);
            }
            var speaks = string.Join(", ", versions.Select(v => v.Text).Reverse());
            throw new DockerVersionException($"The daemon accepts API {minimum ?? "?"} – {maximum}; this client speaks {speaks}." + (versions[0].Value < min ? TooOld(versions[0]) : ""));
        }

        // A 2013 daemon: /vX.Y answers an empty 404 when X.Y is newer than the daemon.
        foreach (var (text, _) in versions)
        {
            using var probe = await client.GetAsync($"/v{text}/version", cancellationToken).ConfigureAwait(false);
            if (probe.IsSuccessStatusCode)
                return new NegotiatedVersion(text, null, null, "probe");
        }
        throw new DockerVersionException($"The daemon accepts none of the API versions {string.Join(", ", versions.Select(v => v.Text).Reverse())}.");
    }

    /// <summary>
    /// What to do about a client older than the engine's minimum: engines from 25 on refuse old versions unless started
    /// with <c>DOCKER_MIN_API_VERSION</c>, which goes down to 1.24 and no further.
    /// </summary>
    private static string TooOld((string Text, ApiVersion Value) newest) => newest.Value >= LowestMinimum
        ? $" The engine refuses versions this old: start it with DOCKER_MIN_API_VERSION={newest.Text} (or lower) to accept this client, or use a newer client."
        : $" The engine refuses versions this old, and DOCKER_MIN_API_VERSION cannot take an engine below {LowestMinimum}: use a client of {OldestSpokenDown} or later.";

    /// <summary>The lowest version <c>DOCKER_MIN_API_VERSION</c> can make an engine accept.</summary>
    private static readonly ApiVersion LowestMinimum = new(1, 24);

    /// <summary>The largest <c>/version</c> answer read: a real one is under 2 KB.</summary>
    private const int MaxVersionAnswerBytes = 1024 * 1024;

    /// <summary>A version the daemon named; one that is not a version is the daemon's fault, said as such.</summary>
    private static ApiVersion DaemonVersion(string text, string source) =>
        ApiVersion.TryParse(text.Trim(), out var version)
            ? version
            : throw new DockerProtocolException($"the daemon's {source} names the API version '{(text.Length > 40 ? text[..40] + "…" : text)}', which is not one such as 1.41");
}
