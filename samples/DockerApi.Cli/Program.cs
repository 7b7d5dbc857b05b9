using DockerApi.Cli;

return await new Cli(Console.Out, Console.Error, Console.In, Console.OpenStandardInput).RunAsync(args, CancellationToken.None);
