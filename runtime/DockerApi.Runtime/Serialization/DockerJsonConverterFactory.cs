using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockerApi.Serialization;

/// <summary>
/// Gives any <see cref="JsonSerializerOptions"/> — reflection's, ASP.NET's, a user's own context — the converters of
/// the generated contexts, so a generated type is written exactly as the daemon sent it (wire names, kept members)
/// wherever it is serialized. Every generated type names this factory in its <c>[JsonConverter]</c>, and the module
/// initializer of generated code registers its contexts, which are made on the first type asked for.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DockerJsonConverterFactory : JsonConverterFactory
{
    private static readonly object s_gate = new();
    private static readonly List<Func<JsonSerializerOptions>> s_pending = [];
    private static JsonSerializerOptions[] s_contexts = [];

    /// <summary>Registers a generated context, by its options (whose resolver it is), to be made when first needed.</summary>
    public static void Register(Func<JsonSerializerOptions> context)
    {
        lock (s_gate)
            s_pending.Add(context);
    }

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => Find(typeToConvert) is not null;

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => Find(typeToConvert);

    private static JsonConverter? Find(Type type)
    {
        foreach (var context in Contexts())
        {
            // The converter reads and writes with the generated code only, so it serves any options.
            if (context.TypeInfoResolver?.GetTypeInfo(type, context) is { } info)
                return info.Converter;
        }
        return null;
    }

    // Under the lock, so that no caller looks before a context another is making is there.
    private static JsonSerializerOptions[] Contexts()
    {
        lock (s_gate)
        {
            if (s_pending.Count > 0)
            {
                s_contexts = [.. s_contexts, .. s_pending.Select(context => context())];
                s_pending.Clear();
            }
            return s_contexts;
        }
    }
}
