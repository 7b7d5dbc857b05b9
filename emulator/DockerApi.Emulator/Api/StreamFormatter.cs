using System.Text;
using DockerApi.Emulator.Http;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary>
/// Writes the progress of pull, import, insert and push as docker 0.4.4 did: JSON objects with no separator for
/// API v1.1 and later, text lines for v1.0. The answer starts with the first message, so an error before it is
/// still an ordinary error answer.
/// </summary>
internal sealed class StreamFormatter(HttpResponse response, bool json, CancellationToken cancellationToken)
{
    public bool Json { get; } = json;

    public bool Started => response.Started;

    public Task StatusAsync(string text) =>
        WriteAsync(Json ? GoJson.Text(w => { w.WriteStartObject(); if (text.Length > 0) w.WriteString("status", text); w.WriteEndObject(); }) : text + "\r\n");

    public Task ProgressAsync(string action, long current, long total) =>
        WriteAsync(Json
            ? GoJson.Text(w => { w.WriteStartObject(); w.WriteString("status", action); w.WriteString("progress", Progress(current, total)); w.WriteEndObject(); })
            : $"{action} {Progress(current, total)}\r");

    /// <summary>The end of a progress bar: <c>{}</c>, or <c>\r\n</c> in text mode.</summary>
    public Task EndProgressAsync() => WriteAsync(Json ? "{}" : "\r\n");

    public Task ErrorAsync(string message) =>
        WriteAsync(Json ? GoJson.Text(w => { w.WriteStartObject(); w.WriteString("error", message); w.WriteEndObject(); }) : "Error: " + message + "\r\n");

    /// <summary>A raw value written as it is (insert's trailing <c>{"Id":…}</c>).</summary>
    public Task RawAsync(string text) => WriteAsync(text);

    public async Task WriteAsync(string text)
    {
        if (!response.Started)
            await response.StartChunkedAsync(Json ? "application/json" : "text/plain; charset=utf-8", cancellationToken);
        await response.WriteChunkAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    public Task EndAsync() => response.EndAsync(cancellationToken);

    private static string Progress(long current, long total) =>
        total <= 0 ? $"{current}/? (n/a)" : $"{HumanSize(current)}/{HumanSize(total)} ({current * 100 / total}%)";

    /// <summary>utils.HumanSize: powers of 1000, four significant digits.</summary>
    public static string HumanSize(long size)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
        double value = size;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        return value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
