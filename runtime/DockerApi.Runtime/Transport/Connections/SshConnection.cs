using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace DockerApi.Transport.Connections;

/// <summary>
/// A connection over ssh as the docker CLI makes it: the system's <c>ssh</c> runs <c>docker system dial-stdio</c>
/// on the remote host (so <c>~/.ssh/config</c>, agents and known_hosts apply unchanged), one process per connection,
/// ended with it.
/// </summary>
internal static class SshConnection
{
    /// <summary>Largest part of ssh's stderr kept for an error message.</summary>
    private const int MaxErrorText = 4096;

    public static ConnectionStream Open(DockerEndpoint endpoint, DockerEnvironment environment)
    {
        // Started by its absolute path, found as Go's LookPath finds it: never an ./ssh of the current directory.
        var program = environment.FindProgram("ssh")
            ?? throw new DockerConnectionException($"cannot reach {endpoint}: no ssh program in any absolute folder of PATH; install the OpenSSH client", endpoint.ToString());
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // BatchMode: a library must not prompt for a password on the user's terminal; keys and agents still work.
        foreach (var argument in Arguments(endpoint))
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("ssh did not start");
        }
        catch (Win32Exception e)
        {
            throw new DockerConnectionException($"cannot reach {endpoint}: the ssh command could not be run ({e.Message}); install the OpenSSH client", endpoint.ToString(), null, e);
        }
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
                if (line.Data is not null && errors.Length < MaxErrorText)
                    errors.AppendLine(line.Data);
        };
        process.BeginErrorReadLine();
        var failure = new SshFailure(process, errors, endpoint);
        return new ConnectionStream(new SshOutput(process.StandardOutput.BaseStream, failure), new SshInput(process.StandardInput.BaseStream, failure),
            () => process.StandardInput.Close(), new Ending(process));
    }

    /// <summary>The ssh command line: <c>ssh -o BatchMode=yes [-l user] [-p port] -- host docker system dial-stdio</c>.</summary>
    internal static IEnumerable<string> Arguments(DockerEndpoint endpoint)
    {
        yield return "-o";
        yield return "BatchMode=yes";
        if (endpoint.User is { } user)
        {
            yield return "-l";
            yield return user;
        }
        if (endpoint.Port > 0)
        {
            yield return "-p";
            yield return endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        yield return "--";
        yield return endpoint.Host;
        foreach (var word in new[] { "docker", "system", "dial-stdio" })
            yield return word;
    }

    /// <summary>Ends the ssh process with the connection: it has usually exited when its stdin closed; if not, it is killed.</summary>
    private sealed class Ending(Process process) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                if (!process.WaitForExit(TimeSpan.FromSeconds(2)))
                    process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // Never started or already reaped.
            }
            process.Dispose();
        }
    }

    /// <summary>What a failed ssh said: its exit code and its stderr, once it has exited (null while it runs, or after success).</summary>
    private sealed class SshFailure(Process process, StringBuilder errors, DockerEndpoint endpoint)
    {
        public async Task<DockerConnectionException?> ReadAsync(Exception? cause, CancellationToken cancellationToken)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null; // still running: not ssh's failure
            }
            if (process.ExitCode == 0)
                return null;
            string text;
            lock (errors)
                text = errors.ToString().Trim();
            // A DockerException, so that the HTTP handler's wrapping does not hide what ssh said (host key, permission denied).
            return new DockerConnectionException($"ssh to {endpoint} exited with {process.ExitCode}: {(text.Length == 0 ? "no message" : text)}",
                endpoint.ToString(), null, cause);
        }
    }

    /// <summary>ssh's stdout; its end after a failed ssh is an error naming what ssh said.</summary>
    private sealed class SshOutput(Stream inner, SshFailure failure) : Streams.AsyncReadStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0 && !buffer.IsEmpty && await failure.ReadAsync(null, cancellationToken).ConfigureAwait(false) is { } failed)
                throw failed;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>ssh's stdin; a write that fails because ssh has exited is an error naming what ssh said.</summary>
    private sealed class SshInput(Stream inner, SshFailure failure) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                if (await failure.ReadAsync(e, cancellationToken).ConfigureAwait(false) is { } failed)
                    throw failed;
                throw;
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            try
            {
                await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                if (await failure.ReadAsync(e, cancellationToken).ConfigureAwait(false) is { } failed)
                    throw failed;
                throw;
            }
        }

        public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
