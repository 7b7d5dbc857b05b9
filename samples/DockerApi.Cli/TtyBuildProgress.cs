using System.Globalization;
using DockerApi.Build;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DockerApi.Cli;

/// <summary>
/// A BuildKit build drawn as the docker CLI's <c>--progress tty</c> draws it, redrawn in place: a header with the time
/// so far, a line per step (<c>=&gt; [stage-0 2/3] RUN make   1.2s</c>, <c>=&gt; CACHED …</c>, <c>=&gt; ERROR …</c>), and
/// under a running step its last lines of output. A legacy builder's lines are printed as they come.
/// </summary>
internal sealed class TtyBuildProgress(DateTimeOffset started)
{
    /// <summary>How many output lines of a running step are shown, as the docker CLI shows them.</summary>
    private const int TailLines = 6;

    private readonly List<string> _text = [];
    private DateTimeOffset? _finishedAt;
    private readonly List<string> _order = [];
    private readonly Dictionary<string, BuildStep> _steps = [];
    private readonly Dictionary<string, List<string>> _tails = [];

    /// <summary>Takes in what <paramref name="update"/> says of the steps and their output.</summary>
    public void Apply(BuildUpdate update)
    {
        if (update.Text is { } text)
            _text.Add(text);
        if (update.ImageId is not null)
            _finishedAt ??= DateTimeOffset.UtcNow;
        foreach (var step in update.Steps)
        {
            if (!_steps.ContainsKey(step.Digest))
                _order.Add(step.Digest);
            _steps[step.Digest] = step;
        }
        foreach (var log in update.Logs)
        {
            var tail = _tails.TryGetValue(log.Step, out var lines) ? lines : _tails[log.Step] = [];
            tail.AddRange(log.Text.TrimEnd('\n').Split('\n'));
            if (tail.Count > TailLines)
                tail.RemoveRange(0, tail.Count - TailLines);
        }
    }

    /// <summary>The view as it stands at <paramref name="now"/>.</summary>
    public IRenderable Render(DateTimeOffset now)
    {
        var running = _order.Select(d => _steps[d]).Count(s => s.Completed is null && !s.Cached && s.Started is not null);
        var rows = new List<IRenderable>
        {
            new Markup($"[bold][[+]] Building {Seconds((_finishedAt ?? now) - started)} ({_order.Count - running}/{_order.Count}){(_finishedAt is null ? "" : " FINISHED")}[/]"),
        };
        foreach (var step in _order.Select(d => _steps[d]))
        {
            var (mark, time) = step switch
            {
                { Error: not null } => ("[red]=> ERROR[/] ", Elapsed(step, now)),
                { Cached: true } => ("=> CACHED ", ""),
                { Completed: not null } => ("=> ", Elapsed(step, now)),
                _ => ("[blue]=>[/] ", Elapsed(step, now)),
            };
            rows.Add(new Markup($"{mark}{Markup.Escape(step.Name)} {time}"));
            // Output under a step that runs, or that failed (what it said last is why).
            if ((step.Completed is null || step.Error is not null) && _tails.TryGetValue(step.Digest, out var tail))
                rows.AddRange(tail.Select(line => new Markup($"[grey] => => {Markup.Escape(line)}[/]")));
        }
        // The engine's own lines (a legacy builder's output, "Successfully tagged …") after the steps.
        rows.AddRange(_text.Select(line => new Text(line)));
        return new Rows(rows);
    }

    private static string Elapsed(BuildStep step, DateTimeOffset now) =>
        step.Started is { } at ? Seconds((step.Completed ?? now) - at) : "";

    private static string Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
