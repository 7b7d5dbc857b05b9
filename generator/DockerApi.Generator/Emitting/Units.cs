using System.Collections.Generic;
using System.Linq;
using DockerApi.Generator.Model;

namespace DockerApi.Generator.Emitting;

/// <summary>Splits a model into the <see cref="SourceUnit"/>s of its files, and writes one.</summary>
internal static class Units
{
    /// <summary>Every file of <paramref name="model"/>, in a stable order.</summary>
    public static IEnumerable<SourceUnit> Of(string specPath, ApiModel model)
    {
        var header = model with
        {
            Description = null,
            Interfaces = EquatableArray<ApiInterface>.Empty,
            Types = EquatableArray<ApiType>.Empty,
            JsonRoots = EquatableArray<TypeRef>.Empty,
        };
        var prefix = model.Namespace + ".";
        foreach (var api in model.Interfaces)
        {
            yield return new SourceUnit(specPath, prefix + api.InterfaceName + ".g.cs", UnitKind.Interface, header, api);
            yield return new SourceUnit(specPath, prefix + api.ClientName + ".g.cs", UnitKind.Client, header, api);
            if (ExtensionsEmitter.Applies(api))
                yield return new SourceUnit(specPath, prefix + api.ExtensionsName + ".g.cs", UnitKind.Extensions, header, api);
        }
        foreach (var type in model.Types)
            yield return new SourceUnit(specPath, prefix + type.Name + ".g.cs", UnitKind.Type, header, Type: type);

        // The JSON context reads shapes, never descriptions; the facade reads interface names, never operations.
        var shapes = model.Types.Select(WithoutDocs).ToEquatableArray();
        yield return new SourceUnit(specPath, prefix + "DockerJsonContext.g.cs", UnitKind.Json, header with { Types = shapes, JsonRoots = model.JsonRoots });
        var facade = header with { Interfaces = model.Interfaces.Select(i => i with { Description = null, Operations = EquatableArray<ApiOperation>.Empty }).ToEquatableArray() };
        yield return new SourceUnit(specPath, prefix + "DockerClient.g.cs", UnitKind.Facade, facade);
        yield return new SourceUnit(specPath, prefix + "DockerApiRegistration.g.cs", UnitKind.Registration, facade);
    }

    /// <summary>The source text of <paramref name="unit"/>.</summary>
    public static string Render(SourceUnit unit) => unit.Kind switch
    {
        UnitKind.Interface => InterfaceEmitter.Emit(unit.Model, unit.Api!),
        UnitKind.Client => ClientEmitter.Emit(unit.Model, unit.Api!),
        UnitKind.Extensions => ExtensionsEmitter.Emit(unit.Model, unit.Api!),
        UnitKind.Type => ModelEmitter.Emit(unit.Model, unit.Type!),
        UnitKind.Json => JsonEmitter.Emit(unit.Model),
        UnitKind.Facade => FacadeEmitter.EmitClient(unit.Model),
        _ => FacadeEmitter.EmitRegistration(unit.Model),
    };

    private static ApiType WithoutDocs(ApiType type) => type with
    {
        Description = null,
        Properties = type.Properties.Select(p => p with { Description = null }).ToEquatableArray(),
        Members = type.Members.Select(m => m with { Description = null }).ToEquatableArray(),
    };
}
