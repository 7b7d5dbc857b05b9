namespace DockerApi.Generator.Model;

/// <summary>Which emitter writes a <see cref="SourceUnit"/>.</summary>
internal enum UnitKind
{
    Interface,
    Client,
    Extensions,
    Type,
    Json,
    Facade,
    Registration,
}

/// <summary>
/// One generated file and exactly the part of the model it is written from, so that the incremental pipeline
/// re-emits a file only when that part changed: a description edit of one definition changes one unit (the
/// definition's own file; the JSON context holds no descriptions). <see cref="Model"/> is the model's header
/// (namespace, title, version, formats) with only what the unit needs of its interfaces, types and JSON roots.
/// </summary>
internal sealed record SourceUnit(string SpecPath, string HintName, UnitKind Kind, ApiModel Model, ApiInterface? Api = null, ApiType? Type = null);
