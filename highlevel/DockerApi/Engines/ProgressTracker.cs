namespace DockerApi.Engines;

/// <summary>
/// Folds a pull's or a push's messages into where each layer stands, as the docker CLI redraws its lines: each
/// report carries every layer seen so far. Reported at once, on the reading thread (a <see cref="Progress{T}"/>
/// given by the caller posts on its own).
/// </summary>
internal sealed class ProgressTracker(IProgress<PullProgress>? progress)
{
    private readonly List<LayerProgress> _layers = [];

    public void Report(string? layer, string? status, long? current, long? total)
    {
        if (progress is null || status is not { Length: > 0 })
            return;
        if (layer is { Length: > 0 })
        {
            var line = new LayerProgress(layer, status, current, total);
            var at = _layers.FindIndex(l => l.Id == layer);
            if (at < 0)
                _layers.Add(line);
            else
                _layers[at] = line;
        }
        progress.Report(new PullProgress(layer is { Length: > 0 } ? layer : null, status, current, total) { Layers = _layers.ToArray() });
    }
}
