namespace DockerApi.Benchmarks;

/// <summary>Counts what a peer reports through <see cref="IProgress{T}"/> (its messages, as they are decoded).</summary>
internal sealed class Counter<T> : IProgress<T>
{
    private int _count;

    public int Count => _count;

    public void Report(T value) => Interlocked.Increment(ref _count);
}
