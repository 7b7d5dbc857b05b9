namespace DockerApi.Generator.Model;

/// <summary>One spec file and the options its MSBuild item carries.</summary>
/// <param name="Tags">The tags (or facade names) to generate, separated by <c>;</c>; null or empty for all.</param>
internal sealed record SpecInput(string Path, string Text, string? Namespace, bool IncludeUndocumented, string? Tags = null);

/// <summary>The result of parsing one spec: a model (null when the spec is unusable) and its diagnostics.</summary>
internal sealed record ParseResult(string Path, ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A diagnostic as plain data (no <c>Location</c>), so that it can sit in a cached pipeline step.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, string FilePath, int Start, int Length,
    int StartLine, int StartColumn, int EndLine, int EndColumn);
