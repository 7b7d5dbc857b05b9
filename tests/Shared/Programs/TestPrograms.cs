using DockerApi.Transport;

namespace DockerApi.Tests;

/// <summary>
/// Programs the tests start, by absolute path: the rule the product keeps (PATH's absolute folders only, never the
/// current directory) holds for its tests too.
/// </summary>
internal static class TestPrograms
{
    /// <summary>The dotnet host running these tests, or the one on PATH when the tests run under another host.</summary>
    public static string Dotnet { get; } =
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : Find("dotnet");

    /// <summary>The docker CLI on PATH.</summary>
    public static string Docker => Find("docker");

    private static string Find(string program) =>
        DockerEnvironment.Current.FindProgram(program)
        ?? throw new InvalidOperationException($"{program} is not on PATH (only PATH's absolute folders are searched)");
}
