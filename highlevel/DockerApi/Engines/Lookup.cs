using System.Net;

namespace DockerApi.Engines;

/// <summary>What both engines ask the same way.</summary>
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

    /// <summary>The options' environment as the engine takes it: <c>NAME=VALUE</c> strings; null for none.</summary>
    public static List<string>? EnvironmentOf(ContainerOptions options) =>
        options.Environment?.Select(e => $"{e.Key}={e.Value}").ToList();
}
