using System.Globalization;

namespace DockerApi.Build.BuildKit;

/// <summary>
/// A BuildKit build's updates as the docker CLI's <c>--progress plain</c> prints them: steps numbered as they first
/// appear (<c>#5 [stage-0 1/3] FROM …</c>), their output with the seconds since they started (<c>#6 0.312 hello</c>),
/// and how they ended (<c>#5 DONE 0.2s</c>, <c>#6 CACHED</c>, <c>#7 ERROR: …</c>).
/// </summary>
public sealed class PlainProgress
{
    private readonly Dictionary<string, (int Number, DateTimeOffset? Started, bool Ended)> _steps = [];

    /// <summary>The lines <paramref name="update"/> adds; a legacy builder's update is its text.</summary>
    public IEnumerable<string> Lines(BuildUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Text is { } text)
        {
            yield return text;
            yield break;
        }
        foreach (var step in update.Steps)
        {
            var known = _steps.TryGetValue(step.Digest, out var seen);
            if (!known)
            {
                seen = (_steps.Count + 1, step.Started, false);
                yield return $"#{seen.Number} {step.Name}";
            }
            seen.Started ??= step.Started;
            if (!seen.Ended && (step.Cached || step.Error is not null || step.Completed is not null))
            {
                seen.Ended = true;
                yield return step.Cached ? $"#{seen.Number} CACHED"
                    : step.Error is { } error ? $"#{seen.Number} ERROR: {error}"
                    : $"#{seen.Number} DONE {Seconds(step.Completed!.Value - (seen.Started ?? step.Completed.Value)).ToString("0.0", CultureInfo.InvariantCulture)}s";
            }
            _steps[step.Digest] = seen;
        }
        foreach (var log in update.Logs)
        {
            var (number, started, _) = _steps.TryGetValue(log.Step, out var s) ? s : (0, null, false);
            foreach (var line in log.Text.TrimEnd('\n').Split('\n'))
                yield return started is { } at && log.Time is { } time ? $"#{number} {Seconds(time - at).ToString("0.000", CultureInfo.InvariantCulture)} {line}" : $"#{number} {line}";
        }
        foreach (var warning in update.Warnings)
            yield return $"WARNING: {warning.Message}";
    }

    private static double Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds);
}
