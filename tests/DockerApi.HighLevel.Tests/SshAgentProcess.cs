using System.Diagnostics;

namespace DockerApi.HighLevel.Tests;

/// <summary>A real <c>ssh-agent</c> on a socket of the test's folder, holding one new key (comment <c>dapi-test-key</c>); killed on disposal.</summary>
internal sealed class SshAgentProcess : IAsyncDisposable
{
    private readonly Process _agent;

    private SshAgentProcess(Process agent, string socket)
    {
        _agent = agent;
        Socket = socket;
    }

    public string Socket { get; }

    public static async Task<SshAgentProcess> StartAsync(string folder)
    {
        var socket = Path.Combine(folder, "agent.sock");
        // -D: in the foreground, so the process is the agent and disposal can kill it.
        var agent = Process.Start(new ProcessStartInfo("/usr/bin/ssh-agent", ["-D", "-a", socket]) { RedirectStandardOutput = true })!;
        var started = new SshAgentProcess(agent, socket);
        // It prints its variables once it listens.
        await agent.StandardOutput.ReadLineAsync();
        var key = Path.Combine(folder, "id_test");
        await RunAsync("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "dapi-test-key", "-f", key], null);
        await RunAsync("/usr/bin/ssh-add", [key], socket);
        File.Delete(key);
        File.Delete(key + ".pub");
        return started;
    }

    /// <summary><c>ssh-add -l</c> of this agent.</summary>
    public Task<string> ListAsync() => RunAsync("/usr/bin/ssh-add", ["-l"], Socket);

    private static async Task<string> RunAsync(string program, string[] arguments, string? socket)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (socket is not null)
            start.Environment["SSH_AUTH_SOCK"] = socket;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {error}");
    }

    public async ValueTask DisposeAsync()
    {
        _agent.Kill();
        await _agent.WaitForExitAsync();
        _agent.Dispose();
    }
}
