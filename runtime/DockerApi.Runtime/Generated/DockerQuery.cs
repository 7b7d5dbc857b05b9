using System.ComponentModel;
using System.Globalization;

namespace DockerApi.Generated;

/// <summary>Query values in the form the daemon parses.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DockerQuery
{
    /// <summary>
    /// A boolean as <c>1</c> or <c>0</c>: the 2013 daemon accepts only <c>1</c>, <c>0</c>, <c>true</c> and
    /// <c>false</c>, and its own client sent <c>1</c>/<c>0</c>. Null stays null (the parameter is left out).
    /// </summary>
    public static string? Numeric(bool? value) => value switch { true => "1", false => "0", null => null };

    /// <summary>A boolean as <c>true</c> or <c>false</c> (modern daemons).</summary>
    public static string? Word(bool? value) => value switch { true => "true", false => "false", null => null };

    /// <summary>An integer in invariant culture.</summary>
    public static string? Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in invariant culture.</summary>
    public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
