using System.Net;

namespace DockerApi.Engines;

/// <summary>What both engines ask and read the same way.</summary>
internal static class Lookup
{
    /// <summary>Whether what <paramref name="inspect"/> looks up exists: its 404 is "no", any other failure is raised.</summary>
    public static async Task<bool> ExistsAsync(Task inspect)
    {
        try
        {
            await inspect.ConfigureAwait(false);
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>An environment as the engine takes it: <c>NAME=VALUE</c> strings; null for none.</summary>
    public static List<string>? EnvironmentOf(IReadOnlyDictionary<string, string>? environment) =>
        environment?.Select(e => $"{e.Key}={e.Value}").ToList();

    /// <summary>Filters as the engine's query takes them; null for none.</summary>
    public static string? FiltersOf(Requests.DockerFilters? filters) => filters is { IsEmpty: false } ? filters.ToString() : null;

    /// <summary>A time the engine gives in Unix seconds; null for none (or 0, which the engine sends for unknown).</summary>
    public static DateTimeOffset? Time(long? unixSeconds) => unixSeconds is { } s and not 0 ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
}

/// <summary>Disposal makes sure a thing is gone: a 404 says it is already.</summary>
internal static class Gone
{
    public static Task IgnoredAsync(Task removal) => Lookup.ExistsAsync(removal);

    /// <summary>
    /// A removal whose end is what was asked even when it fails: the thing is gone already (404), or another request
    /// is removing it (Docker's 409 "removal of container … is already in progress", as when the connection pool sends
    /// an idempotent DELETE again after its connection closed under it).
    /// </summary>
    public static async Task RemovedAsync(Task removal)
    {
        try
        {
            await IgnoredAsync(removal).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict && e.DaemonMessage?.Contains("already in progress", StringComparison.Ordinal) == true)
        {
        }
    }
}
