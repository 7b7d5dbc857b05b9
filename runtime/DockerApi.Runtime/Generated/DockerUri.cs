using System.ComponentModel;
using System.Text;

namespace DockerApi.Generated;

/// <summary>Builds request paths and query strings with every value escaped.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DockerUri
{
    /// <summary>
    /// A path parameter, escaped so that <c>/</c>, <c>?</c> and <c>#</c> cannot change the path. An empty value is
    /// refused: a 2013 daemon redirects <c>/containers//json</c> to the container list. So are <c>.</c> and
    /// <c>..</c>: <see cref="Uri"/> removes such segments, escaped as <c>%2E</c> or not, so
    /// <c>/containers/../json</c> would reach <c>/json</c>; no Docker object (container, image, volume, network,
    /// plugin, node, service, secret, config) can have either name.
    /// </summary>
    public static string Segment(string value, string parameterName)
    {
        if (string.IsNullOrEmpty(value))
            throw new ArgumentException($"The path parameter '{parameterName}' must not be empty.", parameterName);
        if (value is "." or "..")
            throw new ArgumentException($"The path parameter '{parameterName}' must not be '{value}': it would change the request's path.", parameterName);
        return Uri.EscapeDataString(value);
    }
}

/// <summary>A query string under construction; parameters with a null value are left out.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct QueryString
{
    private StringBuilder? _builder;

    /// <summary>Adds <c>name=value</c> unless <paramref name="value"/> is null.</summary>
    public void Add(string name, string? value)
    {
        if (value is null)
            return;
        _builder ??= new StringBuilder();
        _builder.Append(_builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>Adds <c>name=value</c> once for each value.</summary>
    public void AddEach(string name, IEnumerable<string>? values)
    {
        if (values is null)
            return;
        foreach (var value in values)
            Add(name, value);
    }

    /// <summary><paramref name="path"/> followed by the query.</summary>
    public readonly string AppendTo(string path) => _builder is null ? path : path + _builder;
}
