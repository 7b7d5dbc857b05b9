namespace DockerApi.Cli;

/// <summary>The options of one command, taken out of its arguments so that what is left are its operands.</summary>
internal static class CommandOptions
{
    /// <summary>The value after the first of <paramref name="names"/> (<c>-u USER</c>, <c>--username USER</c>), removed with it; null when absent.</summary>
    public static string? Take(List<string> args, params string[] names)
    {
        var at = args.FindIndex(names.Contains);
        if (at < 0 || at + 1 >= args.Count)
            return null;
        var value = args[at + 1];
        args.RemoveRange(at, 2);
        return value;
    }

    /// <summary>The operand at <paramref name="index"/>; its absence is the command's usage, as an <see cref="ArgumentException"/>.</summary>
    public static string Required(List<string> args, int index, string usage) =>
        index < args.Count ? args[index] : throw new ArgumentException("Usage: docker " + usage);
}
