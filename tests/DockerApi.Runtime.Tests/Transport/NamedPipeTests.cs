using System.IO.Pipes;
using System.Text;
using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Transport;

/// <summary>
/// npipe:// endpoints (Docker on Windows). .NET's named pipes exist on Linux too (as unix sockets), so the same code
/// path runs here against a <see cref="NamedPipeServerStream"/>; Windows' own pipes are not tested on this machine.
/// </summary>
public sealed class NamedPipeTests
{
    [Fact]
    public async Task A_request_reaches_a_daemon_on_a_named_pipe()
    {
        var name = "dockerapi-test-" + Guid.NewGuid().ToString("N")[..8];
        await using var server = new NamedPipeServerStream(name, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var serving = Task.Run(async () =>
        {
            await server.WaitForConnectionAsync();
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await server.ReadAsync(one) == 1)
                head.Append((char)one[0]);
            await server.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK"u8.ToArray());
            return head.ToString();
        });
        using var client = DockerHttpClient.Create(DockerEndpoint.Parse($"npipe:////./pipe/{name}"), "1.41");

        Assert.Equal("OK", await client.GetStringAsync("/_ping"));
        Assert.StartsWith("GET /v1.41/_ping HTTP/1.1\r\nHost: localhost\r\n", await serving);
    }
}
