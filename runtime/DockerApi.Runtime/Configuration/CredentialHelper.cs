using System.ComponentModel;
using System.Diagnostics;
using DockerApi.Transport;

namespace DockerApi.Configuration;

/// <summary>
/// Runs <c>docker-credential-&lt;name&gt; get|store</c> as the docker CLI does: the input on stdin, the answer on
/// stdout. Its output is never put in an error message: it may hold the secret.
/// </summary>
internal static class CredentialHelper
{
    /// <summary>The helper's stdout; null for the protocol's "credentials not found".</summary>
    /// <exception cref="DockerConfigException">The helper is not on an absolute PATH entry, or fails (named, with its exit code).</exception>
    /// <param name="helper">The helper's name: <c>pass</c> runs <c>docker-credential-pass</c>.</param>
    /// <param name="action"><c>get</c> or <c>store</c>.</param>
    /// <param name="input">What the protocol writes to its stdin: the registry, or the credentials as JSON.</param>
    /// <param name="registry">The registry the call is about, for the error message (the input may be a secret).</param>
    /// <param name="environment">Whose PATH the helper is found in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<string?> RunAsync(string helper, string action, string input, string registry, DockerEnvironment environment, CancellationToken cancellationToken)
    {
        var program = "docker-credential-" + helper;
        if (helper.Length == 0 || helper.IndexOfAny(['/', '\\']) >= 0)
            throw new DockerConfigException($"'{helper}' is not a credential helper name", program);
        // Started by its absolute path only: a bare name would let the OS look in the current and the app's folder.
        var path = environment.RequireProgram(program, $"the credential helper for '{registry}' cannot be found");
        var start = new ProcessStartInfo(path, action)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{program} did not start");
        }
        catch (Win32Exception e)
        {
            throw new DockerConfigException($"the credential helper {program} could not be run ({e.Message})", program, e);
        }
        using (process)
        {
            try
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The helper ended without reading its input: its exit code says what happened.
            }
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var (stdout, stderr) = (await output.ConfigureAwait(false), await error.ConfigureAwait(false));
            if (process.ExitCode == 0)
                return stdout;
            if (action == "get" && (stdout + stderr).Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
                return null;
            throw new DockerConfigException($"the credential helper {program} failed to {action} the credentials of '{registry}' (exit code {process.ExitCode})", program);
        }
    }
}
