using System.Threading.Channels;

namespace DockerApi.Emulator.State;

/// <summary>
/// A container's output: the stored stdout and stderr logs (what <c>attach?logs=1</c> replays) and the live copy
/// each streaming attach receives. Logs and subscription are taken together, so no byte is lost or doubled.
/// </summary>
internal sealed class OutputHub
{
    public const int Stdout = 1;
    public const int Stderr = 2;

    private readonly object _gate = new();
    private readonly MemoryStream _stdout = new();
    private readonly MemoryStream _stderr = new();
    private readonly List<Channel<(int Stream, byte[] Data)>> _subscribers = [];
    private bool _running;

    public void Start()
    {
        lock (_gate)
            _running = true;
    }

    public void Write(int stream, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
            return;
        var copy = data.ToArray();
        lock (_gate)
        {
            (stream == Stderr ? _stderr : _stdout).Write(copy);
            foreach (var subscriber in _subscribers)
                subscriber.Writer.TryWrite((stream, copy));
        }
    }

    /// <summary>The logs so far and, when <paramref name="subscribe"/>, a channel of what follows until the process ends.</summary>
    public (byte[] Stdout, byte[] Stderr, ChannelReader<(int Stream, byte[] Data)> Live) Attach(bool subscribe)
    {
        var channel = Channel.CreateUnbounded<(int, byte[])>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (subscribe && _running)
                _subscribers.Add(channel);
            else
                channel.Writer.Complete();
            return (_stdout.ToArray(), _stderr.ToArray(), channel.Reader);
        }
    }

    public void Detach(ChannelReader<(int Stream, byte[] Data)> live)
    {
        lock (_gate)
            _subscribers.RemoveAll(c => c.Reader == live);
    }

    /// <summary>The process ended: every live attach ends after what it has received.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _running = false;
            foreach (var subscriber in _subscribers)
                subscriber.Writer.TryComplete();
            _subscribers.Clear();
        }
    }
}
