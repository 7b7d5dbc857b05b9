using System.Globalization;
using System.Text.RegularExpressions;
using DockerApi.Emulator.Http;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary>A request in its route: the API version it asked for and the captured path parts.</summary>
internal sealed record RouteContext(HttpRequest Request, HttpResponse Response, double Version, Match Match, CancellationToken Cancellation)
{
    public string Name => Uri.UnescapeDataString(Match.Groups["name"].Value);

    /// <summary>getBoolParam of 1.0 – 1.2: <c>1</c>/<c>true</c> and <c>0</c>/<c>false</c> (any case) or absent; anything else is 400.</summary>
    public bool Bool(string key)
    {
        var value = Request.Form(key);
        if (value.Length == 0 || value == "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase))
            return false;
        if (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase))
            return true;
        throw new DaemonException("Bad parameter");
    }
}

/// <summary>
/// gorilla/mux as docker 0.4.4 set it up: every route with and without <c>/v{version}</c>; an unknown path or
/// method is <c>404 page not found</c>; an unclean path is redirected.
/// </summary>
internal sealed partial class Router
{
    public const double CurrentVersion = 1.2;

    private readonly List<(string Method, Regex Pattern, Func<RouteContext, Task> Handler)> _routes = [];

    public void Add(string method, string template, Func<RouteContext, Task> handler)
    {
        var pattern = "^" + Regex.Escape(template).Replace(@"\{name}", "(?<name>.*)") + "$";
        _routes.Add((method, new Regex(pattern, RegexOptions.Compiled), handler));
    }

    public async Task HandleAsync(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var path = request.Path;
        var version = CurrentVersion;
        var prefix = VersionPrefix().Match(path);
        if (prefix.Success)
        {
            path = prefix.Groups["rest"].Value;
            // The daemon parses the version as a float; junk means "current", 0 or newer than itself is an empty 404.
            if (double.TryParse(prefix.Groups["version"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var asked))
            {
                if (asked == 0 || asked > CurrentVersion)
                {
                    await response.WriteAsync(404, null, [], cancellationToken);
                    return;
                }
                version = asked;
            }
        }
        if (request.Method == "OPTIONS")
        {
            await response.WriteAsync(200, null, [], cancellationToken);
            return;
        }
        var clean = CleanPath(request.Path);
        if (clean != request.Path)
        {
            // 2013 revisions of gorilla/mux dropped the query string from the Location.
            await response.WriteAsync(301, null, [], cancellationToken, location: clean);
            return;
        }
        foreach (var (method, pattern, handler) in _routes)
        {
            var match = pattern.Match(path);
            if (!match.Success || method != request.Method)
                continue;
            var context = new RouteContext(request, response, version, match, cancellationToken);
            try
            {
                await handler(context);
            }
            catch (DaemonException e) when (!response.Started)
            {
                await response.WriteTextAsync(e.Status, "text/plain; charset=utf-8", e.Message + "\n", cancellationToken);
            }
            catch (Exception e) when (!response.Started && e is not (IOException or OperationCanceledException or ObjectDisposedException))
            {
                await response.WriteTextAsync(500, "text/plain; charset=utf-8", e.Message + "\n", cancellationToken);
            }
            return;
        }
        await response.WriteTextAsync(404, "text/plain; charset=utf-8", "404 page not found\n", cancellationToken);
    }

    private static string CleanPath(string path)
    {
        var cleaned = State.FileTree.Normalize(path);
        return path.EndsWith('/') && cleaned != "/" ? cleaned + "/" : cleaned;
    }

    [GeneratedRegex(@"^/v(?<version>[0-9.]+)(?<rest>/.*)$")]
    private static partial Regex VersionPrefix();
}
