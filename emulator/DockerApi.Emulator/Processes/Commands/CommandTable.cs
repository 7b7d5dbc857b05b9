namespace DockerApi.Emulator.Processes.Commands;

/// <summary>What an emulated command does with its arguments; returns the exit status.</summary>
internal delegate Task<int> Command(List<string> args, ProcessContext context);

/// <summary>
/// Every command an emulated container can run, by name. Each group file lists its own commands; adding one
/// means a method and a line in that file.
/// </summary>
internal static class CommandTable
{
    public static IReadOnlyDictionary<string, Command> All { get; } = Build();

    /// <summary>What a script runs without a file in the image, as the shell itself does.</summary>
    public static IReadOnlySet<string> Builtins { get; } = new HashSet<string>(StringComparer.Ordinal) { "exit", "echo", "true", "false", "pwd" };

    private static Dictionary<string, Command> Build()
    {
        var table = new Dictionary<string, Command>(StringComparer.Ordinal);
        TextCommands.AddTo(table);
        FileCommands.AddTo(table);
        ProcessCommands.AddTo(table);
        return table;
    }
}
