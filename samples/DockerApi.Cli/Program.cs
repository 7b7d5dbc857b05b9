using DockerApi.Cli;

// Ctrl+C cancels the command in flight (a stream, an attach, a wait) instead of killing the process mid-request.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await new Cli(Console.Out, Console.Error, Console.In, Console.OpenStandardInput).RunAsync(args, cancel.Token);
