using System.Text.RegularExpressions;

namespace DockerApi.Generator.Model;

/// <summary>A route's <c>{name}</c> placeholders: read by the parser (which checks them) and filled by the client emitter.</summary>
internal static class PathTemplate
{
    /// <summary>One placeholder; group 1 is its name.</summary>
    public static readonly Regex Parameter = new(@"\{([^}]+)\}", RegexOptions.Compiled);
}
