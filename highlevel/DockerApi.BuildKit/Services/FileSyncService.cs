using System.Collections.Concurrent;
using System.Net;
using DockerApi.BuildKit.Wire.FileSync;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace DockerApi.BuildKit.Services;

/// <summary>
/// BuildKit's file sync, the client's side of <c>DiffCopy</c> as fsutil sends: a <c>STAT</c> packet for each entry of
/// the folder the engine names (its id is its place in that order), an empty <c>STAT</c> to end the list; then the bytes
/// of each regular file the engine asks for (<c>REQ</c> by id) in <c>DATA</c> packets and an empty one; <c>FIN</c>
/// answered with <c>FIN</c>. The engine asks only for what its copy from an earlier build of the folder lacks.
/// </summary>
internal sealed class FileSyncService(IReadOnlyDictionary<string, SyncedFolder> folders) : FileSync.FileSyncBase
{
    /// <summary>The size of a <c>DATA</c> packet's bytes, fsutil's own.</summary>
    private const int ChunkBytes = 32 * 1024;

    /// <summary>The most of an engine's error text kept for the message.</summary>
    private const int MaxErrorChars = 1024;

    public override async Task DiffCopy(IAsyncStreamReader<Packet> requestStream, IServerStreamWriter<Packet> responseStream, ServerCallContext context)
    {
        // The request's own headers: gRPC's Metadata joins a repeated header's values with commas, which patterns may hold.
        var headers = context.GetHttpContext().Request.Headers;
        var name = Values(headers, "dir-name").FirstOrDefault() ?? "";
        if (!folders.TryGetValue(name, out var folder))
            throw new RpcException(new Status(StatusCode.NotFound, $"no access allowed to dir \"{name}\""));
        var filter = new SyncFilter(Values(headers, "include-patterns"), Values(headers, "exclude-patterns"), Values(headers, "followpaths"),
            Values(headers, "override-excludes").FirstOrDefault() == "true");
        var ct = context.CancellationToken;
        var writer = new PacketWriter(responseStream);
        var files = new ConcurrentDictionary<uint, SyncEntry>();
        var listing = Task.Run(() => ListAsync(folder, filter, files, writer, ct), ct);
        await foreach (var packet in requestStream.ReadAllAsync(ct).ConfigureAwait(false))
        {
            switch (packet.Type)
            {
                case Packet.Types.PacketType.PacketReq:
                    if (!files.TryRemove(packet.ID, out var file))
                        throw new RpcException(new Status(StatusCode.InvalidArgument, $"invalid file id {packet.ID}"));
                    await SendFileAsync(writer, packet.ID, file, ct).ConfigureAwait(false);
                    break;
                case Packet.Types.PacketType.PacketFin:
                    await listing.ConfigureAwait(false);
                    await writer.WriteAsync(new Packet { Type = Packet.Types.PacketType.PacketFin }, ct).ConfigureAwait(false);
                    return;
                case Packet.Types.PacketType.PacketErr:
                    var said = packet.Data.ToStringUtf8();
                    throw new RpcException(new Status(StatusCode.Aborted, "error from receiver: " + (said.Length > MaxErrorChars ? said[..MaxErrorChars] + "…" : said)));
            }
        }
        await listing.ConfigureAwait(false);
    }

    /// <summary>Sends each entry's <c>STAT</c>, then the empty one; a folder that cannot be read is an <c>ERR</c> packet, as fsutil sends it.</summary>
    private static async Task ListAsync(SyncedFolder folder, SyncFilter filter, ConcurrentDictionary<uint, SyncEntry> files, PacketWriter writer, CancellationToken ct)
    {
        uint id = 0;
        try
        {
            foreach (var entry in folder.Walk(filter))
            {
                ct.ThrowIfCancellationRequested();
                // Recorded before its STAT is sent: the engine can ask for it as soon as it has read it.
                if (entry.IsFile)
                    files[id] = entry;
                id++;
                await writer.WriteAsync(new Packet { Type = Packet.Types.PacketType.PacketStat, Stat = entry.Stat }, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            await writer.WriteAsync(new Packet { Type = Packet.Types.PacketType.PacketErr, Data = ByteString.CopyFromUtf8(e.Message) }, ct).ConfigureAwait(false);
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"the folder {folder.Root} cannot be sent: {e.Message}"));
        }
        await writer.WriteAsync(new Packet { Type = Packet.Types.PacketType.PacketStat }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A file's bytes, then an empty <c>DATA</c>. A file of no length is never opened: .NET cannot tell a FIFO or a socket
    /// from a regular file before opening it, and opening a FIFO waits for a writer; such an entry arrives empty.
    /// </summary>
    private static async Task SendFileAsync(PacketWriter writer, uint id, SyncEntry file, CancellationToken ct)
    {
        if (file.Stat.Size > 0)
        {
            var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[ChunkBytes];
                int read;
                while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                    await writer.WriteAsync(new Packet { Type = Packet.Types.PacketType.PacketData, ID = id, Data = ByteString.CopyFrom(buffer, 0, read) }, ct).ConfigureAwait(false);
            }
        }
        await writer.WriteAsync(new Packet { Type = Packet.Types.PacketType.PacketData, ID = id }, ct).ConfigureAwait(false);
    }

    /// <summary>A request header's values, one per header line; BuildKit url-encodes them (<c>NAME-encoded: true</c>) when they hold other than ASCII.</summary>
    private static IReadOnlyList<string> Values(IHeaderDictionary headers, string key)
    {
        var encoded = bool.TryParse(headers[key + "-encoded"].FirstOrDefault(), out var yes) && yes;
        return headers[key].Where(v => v is not null).Select(v => encoded ? WebUtility.UrlDecode(v!) : v!).ToList();
    }

    /// <summary>One writer at a time on the response stream: the list and the files' bytes are sent side by side.</summary>
    private sealed class PacketWriter(IServerStreamWriter<Packet> stream)
    {
        private readonly SemaphoreSlim _gate = new(1, 1);

        public async Task WriteAsync(Packet packet, CancellationToken ct)
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await stream.WriteAsync(packet, ct).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
