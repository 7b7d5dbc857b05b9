using System.Net;
using System.Net.Sockets;
using System.Text;
using DockerApi.Transport;

namespace DockerApi.Benchmarks;

/// <summary>
/// A raw server on a unix socket (or loopback TCP) that answers canned bytes whatever the version prefix, so that
/// every client measured reads the very same responses.
/// </summary>
public sealed class CannedServer : IDisposable
{
    public const int ProgressMessages = 100_000;
    public const int Containers = 1_000;
    public const long AttachBytes = 256L * 1024 * 1024;
    public const int EventMessages = 100_000;
    public const int OutputBlocks = 256;

    private static readonly byte[] VersionBody = Encoding.UTF8.GetBytes(
        "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\",\"GitCommit\":\"5d6db84\",\"GoVersion\":\"go1.19.8\",\"Os\":\"linux\",\"Arch\":\"amd64\",\"KernelVersion\":\"6.1.0\",\"BuildTime\":\"2023-05-18T08:38:34.000000000+00:00\"}");

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly string? _socketPath;

    public CannedServer(bool unix = true)
    {
        if (unix)
        {
            _socketPath = Path.Combine(Path.GetTempPath(), $"dapi-bench-{Environment.ProcessId}-{Guid.NewGuid():N}.sock");
            _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _listener.Bind(new UnixDomainSocketEndPoint(_socketPath));
            Endpoint = DockerEndpoint.Parse("unix://" + _socketPath);
        }
        else
        {
            _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Endpoint = DockerEndpoint.Parse($"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}");
        }
        _listener.Listen(512);
        _ = AcceptAsync();
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>The endpoint as Docker.DotNet wants it.</summary>
    public Uri DockerDotNetUri => _socketPath is null ? new Uri($"tcp://127.0.0.1:{Endpoint.Port}") : new Uri("unix://" + _socketPath);

    /// <summary>A container list both a 2013 client and a modern one can read: 2013 fields plus modern ones.</summary>
    public static readonly byte[] ContainerList = BuildContainerList();

    /// <summary>A pull as a modern daemon streams it: one object and CRLF per chunk.</summary>
    public static readonly byte[][] ProgressChunks = BuildProgress();

    private static byte[] BuildContainerList()
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < Containers; i++)
        {
            if (i > 0)
                json.Append(',');
            var id = (i * 7919L).ToString("x").PadLeft(64, 'a');
            json.Append($"{{\"Id\":\"{id}\",\"Names\":[\"/container-{i}\"],\"Image\":\"busybox:latest\",\"ImageID\":\"sha256:{id}\",\"Command\":\"sh -c 'echo {i}; sleep 3600'\",");
            json.Append($"\"Created\":{1700000000 + i},\"State\":\"running\",\"Status\":\"Up {i % 59 + 1} minutes\",\"SizeRw\":{i * 4096},\"SizeRootFs\":{1_200_000 + i},");
            json.Append($"\"Labels\":{{\"com.example.index\":\"{i}\",\"com.example.group\":\"bench\"}}}}");
        }
        return Encoding.UTF8.GetBytes(json.Append(']').ToString());
    }

    /// <summary>A container's inspect answer as Docker 20.10 writes it (about 4 KB).</summary>
    public static readonly byte[] InspectBody = Encoding.UTF8.GetBytes(
        "{\"Id\":\"8dfafdbc3a40a8d4c4a6c0e8f9c9d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1\",\"Created\":\"2023-05-18T08:38:34.123456789Z\",\"Path\":\"sh\"," +
        "\"Args\":[\"-c\",\"echo hello; sleep 3600\"],\"State\":{\"Status\":\"running\",\"Running\":true,\"Paused\":false,\"Restarting\":false," +
        "\"OOMKilled\":false,\"Dead\":false,\"Pid\":4242,\"ExitCode\":0,\"Error\":\"\",\"StartedAt\":\"2023-05-18T08:38:35.001122334Z\"," +
        "\"FinishedAt\":\"0001-01-01T00:00:00Z\"},\"Image\":\"sha256:3f57d9401f8d42f986df300f0c69192fc41da28ccc8d797829467780db3dd741\"," +
        "\"ResolvConfPath\":\"/var/lib/docker/containers/8dfafdbc3a40/resolv.conf\",\"HostnamePath\":\"/var/lib/docker/containers/8dfafdbc3a40/hostname\"," +
        "\"HostsPath\":\"/var/lib/docker/containers/8dfafdbc3a40/hosts\",\"LogPath\":\"/var/lib/docker/containers/8dfafdbc3a40/8dfafdbc3a40-json.log\"," +
        "\"Name\":\"/bench\",\"RestartCount\":0,\"Driver\":\"overlay2\",\"Platform\":\"linux\",\"MountLabel\":\"\",\"ProcessLabel\":\"\"," +
        "\"AppArmorProfile\":\"\",\"ExecIDs\":null,\"HostConfig\":{\"Binds\":null,\"ContainerIDFile\":\"\",\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{}}," +
        "\"NetworkMode\":\"default\",\"PortBindings\":{},\"RestartPolicy\":{\"Name\":\"no\",\"MaximumRetryCount\":0},\"AutoRemove\":false," +
        "\"VolumeDriver\":\"\",\"VolumesFrom\":null,\"CapAdd\":null,\"CapDrop\":null,\"CgroupnsMode\":\"private\",\"Dns\":[],\"DnsOptions\":[]," +
        "\"DnsSearch\":[],\"ExtraHosts\":null,\"GroupAdd\":null,\"IpcMode\":\"private\",\"Cgroup\":\"\",\"Links\":null,\"OomScoreAdj\":0,\"PidMode\":\"\"," +
        "\"Privileged\":false,\"PublishAllPorts\":false,\"ReadonlyRootfs\":false,\"SecurityOpt\":null,\"UTSMode\":\"\",\"UsernsMode\":\"\",\"ShmSize\":67108864," +
        "\"Runtime\":\"runc\",\"ConsoleSize\":[0,0],\"Isolation\":\"\",\"CpuShares\":0,\"Memory\":0,\"NanoCpus\":0,\"CgroupParent\":\"\",\"BlkioWeight\":0," +
        "\"BlkioWeightDevice\":[],\"CpuPeriod\":0,\"CpuQuota\":0,\"CpusetCpus\":\"\",\"CpusetMems\":\"\",\"Devices\":[],\"DeviceCgroupRules\":null," +
        "\"MemoryReservation\":0,\"MemorySwap\":0,\"OomKillDisable\":false,\"PidsLimit\":null,\"Ulimits\":null,\"MaskedPaths\":[\"/proc/asound\",\"/proc/acpi\"," +
        "\"/proc/kcore\",\"/proc/keys\",\"/proc/latency_stats\",\"/proc/timer_list\",\"/proc/timer_stats\",\"/proc/sched_debug\",\"/proc/scsi\",\"/sys/firmware\"]," +
        "\"ReadonlyPaths\":[\"/proc/bus\",\"/proc/fs\",\"/proc/irq\",\"/proc/sys\",\"/proc/sysrq-trigger\"]},\"GraphDriver\":{\"Data\":{" +
        "\"LowerDir\":\"/var/lib/docker/overlay2/7d3c-init/diff:/var/lib/docker/overlay2/aa01/diff\",\"MergedDir\":\"/var/lib/docker/overlay2/7d3c/merged\"," +
        "\"UpperDir\":\"/var/lib/docker/overlay2/7d3c/diff\",\"WorkDir\":\"/var/lib/docker/overlay2/7d3c/work\"},\"Name\":\"overlay2\"},\"Mounts\":[]," +
        "\"Config\":{\"Hostname\":\"8dfafdbc3a40\",\"Domainname\":\"\",\"User\":\"\",\"AttachStdin\":false,\"AttachStdout\":true,\"AttachStderr\":true," +
        "\"Tty\":false,\"OpenStdin\":false,\"StdinOnce\":false,\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"]," +
        "\"Cmd\":[\"sh\",\"-c\",\"echo hello; sleep 3600\"],\"Image\":\"busybox\",\"Volumes\":null,\"WorkingDir\":\"\",\"Entrypoint\":null,\"OnBuild\":null," +
        "\"Labels\":{\"com.example.group\":\"bench\"}},\"NetworkSettings\":{\"Bridge\":\"\",\"SandboxID\":\"5a2cbbf1e0f2\",\"HairpinMode\":false," +
        "\"LinkLocalIPv6Address\":\"\",\"LinkLocalIPv6PrefixLen\":0,\"Ports\":{},\"SandboxKey\":\"/var/run/docker/netns/5a2cbbf1e0f2\"," +
        "\"SecondaryIPAddresses\":null,\"SecondaryIPv6Addresses\":null,\"EndpointID\":\"\",\"Gateway\":\"\",\"GlobalIPv6Address\":\"\"," +
        "\"GlobalIPv6PrefixLen\":0,\"IPAddress\":\"\",\"IPPrefixLen\":0,\"IPv6Gateway\":\"\",\"MacAddress\":\"\",\"Networks\":{\"none\":{" +
        "\"IPAMConfig\":null,\"Links\":null,\"Aliases\":null,\"NetworkID\":\"c0ffee00c0ffee00\",\"EndpointID\":\"e0e0e0e0e0e0\",\"Gateway\":\"\"," +
        "\"IPAddress\":\"\",\"IPPrefixLen\":0,\"IPv6Gateway\":\"\",\"GlobalIPv6Address\":\"\",\"GlobalIPv6PrefixLen\":0,\"MacAddress\":\"\"," +
        "\"DriverOpts\":null}}}}");

    /// <summary>Events as a modern daemon streams them: one object and a newline per chunk.</summary>
    public static readonly byte[][] EventChunks = BuildEvents();

    private static byte[][] BuildEvents()
    {
        string[] actions = ["create", "attach", "start", "die", "destroy"];
        var chunks = new byte[EventMessages][];
        for (var i = 0; i < EventMessages; i++)
        {
            var id = (i / 5 * 7919L).ToString("x").PadLeft(64, 'b');
            var action = actions[i % 5];
            var time = 1700000000L + i / 5;
            chunks[i] = Encoding.UTF8.GetBytes($"{{\"status\":\"{action}\",\"id\":\"{id}\",\"from\":\"busybox\",\"Type\":\"container\",\"Action\":\"{action}\"," +
                $"\"Actor\":{{\"ID\":\"{id}\",\"Attributes\":{{\"image\":\"busybox\",\"name\":\"c{i / 5}\"}}}},\"scope\":\"local\",\"time\":{time},\"timeNano\":{time}000000123}}\n");
        }
        return chunks;
    }

    /// <summary>
    /// One MiB of container output as the daemon frames it (8-byte header, then the payload): 64 frames of 16,376
    /// bytes, one in eight on stderr, holding 80-character lines that run across frames. Sent 256 times.
    /// </summary>
    public static readonly byte[] OutputBlock = BuildOutputBlock();

    private static byte[] BuildOutputBlock()
    {
        const int frames = 64, payload = 16 * 1024 - 8;
        var text = new StringBuilder();
        for (var line = 0; text.Length < frames * payload; line++)
            text.Append($"{line:D8} ").Append('x', 70).Append('\n');
        var bytes = Encoding.ASCII.GetBytes(text.ToString(0, frames * payload));
        var block = new byte[frames * (payload + 8)];
        for (var i = 0; i < frames; i++)
        {
            var frame = block.AsSpan(i * (payload + 8));
            frame[0] = (byte)(i % 8 == 7 ? 2 : 1);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame[4..], payload);
            bytes.AsSpan(i * payload, payload).CopyTo(frame[8..]);
        }
        return block;
    }

    private static byte[][] BuildProgress()
    {
        var chunks = new byte[ProgressMessages][];
        for (var i = 0; i < ProgressMessages; i++)
        {
            var layer = (i / 1000).ToString("x12");
            var current = i % 1000 * 10240L;
            chunks[i] = Encoding.UTF8.GetBytes(i % 1000 == 999
                ? $"{{\"status\":\"Download complete\",\"progressDetail\":{{}},\"id\":\"{layer}\"}}\r\n"
                : $"{{\"status\":\"Downloading\",\"progressDetail\":{{\"current\":{current},\"total\":10240000}},\"progress\":\"[=>      ] {current / 1000} kB/10.24 MB\",\"id\":\"{layer}\"}}\r\n");
        }
        return chunks;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private static async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = new byte[16 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                // Docker.DotNet ends its header lines with a bare "\n" on Linux and the head with "\n\r\n"; Go's
                // server accepted that, so the head ends at the first "\n\r\n" or "\n\n".
                int end, separator;
                while (true)
                {
                    var crlf = buffer.AsSpan(0, filled).IndexOf("\n\r\n"u8);
                    var lf = buffer.AsSpan(0, filled).IndexOf("\n\n"u8);
                    (end, separator) = crlf >= 0 && (lf < 0 || crlf < lf) ? (crlf, 3) : (lf, 2);
                    if (end >= 0)
                        break;
                    var read = await stream.ReadAsync(buffer.AsMemory(filled));
                    if (read == 0)
                        return;
                    filled += read;
                }
                var head = Encoding.ASCII.GetString(buffer, 0, end);
                var length = head.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    .Select(l => int.Parse(l[15..].Trim())).FirstOrDefault();
                var consumed = end + separator + length; // bodies of these requests are empty or small
                Array.Copy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
                var target = head.Split(' ')[1];
                var path = target.Split('?')[0];
                if (path.EndsWith("/version", StringComparison.Ordinal))
                    await WriteBodyAsync(stream, VersionBody);
                else if (path.EndsWith("/containers/json", StringComparison.Ordinal))
                    await WriteBodyAsync(stream, ContainerList);
                else if (path.EndsWith("/images/create", StringComparison.Ordinal))
                    await WriteChunkedAsync(stream, ProgressChunks, "application/json");
                else if (path.EndsWith("/events", StringComparison.Ordinal))
                    await WriteChunkedAsync(stream, EventChunks, "application/json");
                else if (path.EndsWith("/logs", StringComparison.Ordinal))
                    await WriteChunkedAsync(stream, Enumerable.Repeat(OutputBlock, OutputBlocks), "application/vnd.docker.multiplexed-stream");
                else if (path.Contains("/containers/", StringComparison.Ordinal) && path.EndsWith("/json", StringComparison.Ordinal))
                    await WriteBodyAsync(stream, InspectBody);
                else if (path.EndsWith("/attach", StringComparison.Ordinal))
                {
                    await WriteAttachAsync(stream);
                    return; // the connection ends the stream
                }
                else
                    await WriteBodyAsync(stream, "{\"message\":\"page not found\"}"u8.ToArray(), 404);
            }
        }
        catch (IOException)
        {
        }
    }

    private static async Task WriteBodyAsync(Stream stream, byte[] body, int status = 200)
    {
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Not Found")}\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        await stream.WriteAsync(head);
        await stream.WriteAsync(body);
    }

    private static async Task WriteChunkedAsync(Stream stream, IEnumerable<byte[]> chunks, string contentType)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n\r\n"));
        // Chunks are framed as the daemon frames them, one object each, but written in batches so that the server
        // is not what is measured.
        var batch = new MemoryStream();
        foreach (var chunk in chunks)
        {
            batch.Write(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            batch.Write(chunk);
            batch.Write("\r\n"u8);
            if (batch.Length > 64 * 1024)
            {
                await stream.WriteAsync(batch.GetBuffer().AsMemory(0, (int)batch.Length));
                batch.SetLength(0);
            }
        }
        batch.Write("0\r\n\r\n"u8);
        await stream.WriteAsync(batch.GetBuffer().AsMemory(0, (int)batch.Length));
    }

    private static readonly byte[] AttachBlock = CreateAttachBlock();

    private static byte[] CreateAttachBlock()
    {
        var block = new byte[1024 * 1024];
        new Random(42).NextBytes(block);
        return block;
    }

    private static async Task WriteAttachAsync(Stream stream)
    {
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n"u8.ToArray());
        for (long sent = 0; sent < AttachBytes; sent += AttachBlock.Length)
            await stream.WriteAsync(AttachBlock);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        if (_socketPath is not null)
            File.Delete(_socketPath);
    }
}
