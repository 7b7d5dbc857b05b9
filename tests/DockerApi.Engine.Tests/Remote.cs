using System.Diagnostics;
using DockerApi.Configuration;
using DockerApi.Transport;
using DockerApi.Tests;

namespace DockerApi.Engine.Tests;

/// <summary>
/// The CI engine's other doors (.ci/dockerd): TCP with --tlsverify and the client certificates it made, and sshd;
/// and the real docker CLI, to make contexts and log in the way users do.
/// </summary>
internal static class Remote
{
    public const string TlsVariable = "DOCKERAPI_TEST_TLS_ENGINE";
    public const string TlsCertsVariable = "DOCKERAPI_TEST_TLS_CERTS";
    public const string SshVariable = "DOCKERAPI_TEST_SSH_ENGINE";

    /// <summary>The variable's value; skips (locally) or fails (CI) the test when .ci/dockerd did not set it.</summary>
    public static string Required(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"CI must run this test: {variable} is not set (.ci/dockerd start sets it)");
            Skip.If(true, $"{variable} is not set: `.ci/dockerd start <dir>` starts the TLS and ssh doors");
        }
        return value!;
    }

    public static DockerEndpoint TlsEndpoint(DockerTls? tls = null) =>
        DockerEndpoint.Parse(Required(TlsVariable)).WithTls(tls ?? DockerTls.FromDirectory(Required(TlsCertsVariable)));

    /// <summary>A docker CLI configuration folder of the test's own, and an environment that points at it.</summary>
    public sealed class CliConfig : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("dockerapi-cli-config-").FullName;

        public Dictionary<string, string> Variables { get; } = new();

        public DockerEnvironment Environment => new(name => name == "DOCKER_CONFIG" ? Folder : Variables.GetValueOrDefault(name));

        /// <summary>Runs the real docker CLI with this configuration folder; fails with its output when it fails.</summary>
        public async Task<string> DockerAsync(string? stdin, params string[] args)
        {
            var start = new ProcessStartInfo(TestPrograms.Docker) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add(Folder);
            foreach (var arg in args)
                start.ArgumentList.Add(arg);
            start.Environment.Remove("DOCKER_HOST");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(stdin ?? "");
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(process.ExitCode == 0, $"docker {string.Join(' ', args)} failed: {await error}");
            return await output;
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
