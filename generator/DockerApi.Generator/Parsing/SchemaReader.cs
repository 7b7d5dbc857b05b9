using System.Collections.Generic;
using System.Linq;
using DockerApi.Generator.Diagnostics;
using DockerApi.Generator.Model;
using DockerApi.Generator.Names;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// Turns Swagger schemas into <see cref="TypeRef"/>s and the <see cref="ApiType"/>s they name: definitions by their
/// name, inline objects and enums by where they stand (<c>ContainerInspectResponseState</c>).
/// </summary>
internal sealed class SchemaReader
{
    private const string RefPrefix = "#/definitions/";

    private readonly YamlMappingNode? _definitions;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _typeNames;
    private readonly Dictionary<string, TypeRef> _resolved = new();
    private readonly HashSet<string> _reading = new(); // definitions whose schema is being read: a reference back to one is recursion
    private readonly Dictionary<string, ApiType> _types = new();
    private readonly Dictionary<string, string> _typeNameOfDefinition = new();
    private string? _claimable; // the reserved name of the definition being read, for its own top-level type
    private string? _definitionBeingRead; // its key under 'definitions', for what it says of itself (x-go-package)

    public SchemaReader(YamlMappingNode? definitions, DiagnosticBag diagnostics, HashSet<string> reservedNames)
    {
        _definitions = definitions;
        _diagnostics = diagnostics;
        _typeNames = reservedNames;
        // Definition names come first so that inline types never take them.
        foreach (var key in definitions?.Children.Keys.OfType<YamlScalarNode>() ?? Enumerable.Empty<YamlScalarNode>())
            _typeNameOfDefinition[key.Value!] = Naming.UniqueType(Naming.TypeName(key.Value!), _typeNames);
    }

    public IEnumerable<ApiType> Types => _types.Values.OrderBy(t => t.Name, System.StringComparer.Ordinal);

    /// <summary>The C# name of the string property <paramref name="wireName"/> of the object <paramref name="type"/>, or null.</summary>
    public string? StringPropertyName(TypeRef type, string wireName) =>
        type.Name is { } name && _types.TryGetValue(name, out var known)
            ? known.Properties.FirstOrDefault(p => p.WireName == wireName && p.Type.Kind == TypeRefKind.String)?.Name
            : null;

    /// <summary>
    /// The C# member path from a stream message to the daemon's error text: its string <c>error</c>, else
    /// <c>errorDetail.message</c> (the files of API 1.48 and later list only that); null when it has neither.
    /// </summary>
    public string? ErrorAccessor(TypeRef message)
    {
        if (StringPropertyName(message, "error") is { } error)
            return error;
        var detail = message.Name is { } name && _types.TryGetValue(name, out var known)
            ? known.Properties.FirstOrDefault(p => p.WireName == "errorDetail" && p.Type.Kind == TypeRefKind.Named)
            : null;
        return detail is not null && StringPropertyName(detail.Type, "message") is { } text ? $"{detail.Name}?.{text}" : null;
    }

    /// <summary>Reads every definition, so that each one is generated even when no operation uses it.</summary>
    public void ReadAllDefinitions()
    {
        foreach (var key in _typeNameOfDefinition.Keys.ToList())
            ResolveDefinition(key);
    }

    /// <summary>The type a definition is generated as, or null when the spec has no such definition.</summary>
    public TypeRef? Definition(string name) => _definitions?.Get(name) is YamlMappingNode ? ResolveDefinition(name) : null;

    /// <summary>The type of <paramref name="schema"/>; inline types it declares are named after <paramref name="contextName"/>.</summary>
    public TypeRef Read(YamlMappingNode schema, string contextName, bool nullable)
    {
        nullable |= schema.Bool("x-nullable");
        if (schema.Get("$ref") is YamlScalarNode reference)
            return (Resolve(reference) ?? TypeRef.Of(TypeRefKind.Element)).AsNullable(nullable);

        if (schema.Seq("allOf") is { } allOf)
        {
            var parts = allOf.Children.OfType<YamlMappingNode>().ToList();
            if (parts.Count == 1)
                return Read(parts[0], contextName, nullable);
            return ReadObject(schema, contextName, parts).AsNullable(nullable);
        }
        if (schema.Get("oneOf") is { } || schema.Get("anyOf") is { })
            return Unsupported(schema, "oneOf/anyOf", contextName, "describe the value with one schema").AsNullable(nullable);

        if (schema.Get("type") is YamlSequenceNode types)
            return ReadTypeList(schema, types, contextName).AsNullable(nullable);
        var type = schema.Str("type");
        // An enum of strings without a type (Mount.BindOptions.Propagation up to API 1.30) is what it looks like.
        if (type is null && schema.Seq("enum") is { Children.Count: > 0 } untyped && untyped.Children.All(v => v is YamlScalarNode))
            type = "string";
        if (schema.Seq("enum") is { } values && type is "string" or "integer")
            return ReadEnum(schema, values, type!, contextName).AsNullable(nullable);

        switch (type)
        {
            case "string":
                return (schema.Str("format") switch
                {
                    "date-time" or "dateTime" => TypeRef.Of(TypeRefKind.DateTime),
                    "binary" => TypeRef.Of(TypeRefKind.Binary),
                    _ => TypeRef.Of(TypeRefKind.String),
                }).AsNullable(nullable);
            case "integer":
                return TypeRef.Of(schema.Str("format") switch
                {
                    "int32" => TypeRefKind.Int32,
                    "uint64" => TypeRefKind.UInt64,
                    "uint32" or "uint16" or "uint8" => TypeRefKind.UInt32,
                    // Go's int is 64 bits wide: an integer without a format may exceed int32.
                    _ => TypeRefKind.Int64,
                }).AsNullable(nullable);
            case "number":
                return TypeRef.Of(TypeRefKind.Double).AsNullable(nullable);
            case "boolean":
                return TypeRef.Of(TypeRefKind.Boolean).AsNullable(nullable);
            case "array":
                if (schema.Map("items") is not { } items)
                    return new TypeRef(TypeRefKind.List, nullable, Item: Unsupported(schema, "an array without 'items'", contextName, "add 'items' with the element's schema"));
                return new TypeRef(TypeRefKind.List, nullable, Item: JsonValue(Read(items, contextName + "Item", nullable: false)));
            case "object":
            case null:
                return ReadObjectLike(schema, contextName).AsNullable(nullable);
            default:
                return Unsupported(schema, $"'type: {type}'", contextName, "use one of the Swagger 2.0 types").AsNullable(nullable);
        }
    }

    /// <summary>
    /// <c>type: [array, string]</c> with string items (Cmd and Entrypoint up to API 1.30): a list that also reads one
    /// bare item, as the daemon takes either. Any other list of types is a choice C# cannot spell.
    /// </summary>
    private TypeRef ReadTypeList(YamlMappingNode schema, YamlSequenceNode types, string contextName)
    {
        var names = types.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList();
        var single = names.Count == 2 && names.Contains("array") ? names.First(n => n != "array") : null;
        if (single is null || schema.Map("items") is not { } items || items.Str("type") != single)
            return Unsupported(schema, $"'type: [{string.Join(", ", names)}]'", contextName, "give one type, or [array, T] with items of type T");
        return new TypeRef(TypeRefKind.List, false, Item: JsonValue(Read(items, contextName + "Item", nullable: false)), OrSingle: true);
    }

    /// <summary>
    /// One type with the properties of several object schemas, every one optional: the messages of a stream whose
    /// last value has another shape (<c>x-docker-stream-result</c>) have each only some of them.
    /// </summary>
    public TypeRef MergeOptional(string name, IReadOnlyList<YamlMappingNode> parts, YamlMappingNode at) => ReadObject(at, name, parts, allOptional: true);

    private TypeRef ReadObjectLike(YamlMappingNode schema, string contextName)
    {
        var properties = schema.Get("properties");
        var additional = schema.Get("additionalProperties");
        if (additional is null && DockerShapes.MisplacedMapValue(properties) is { } mapValue)
            (properties, additional) = (null, mapValue);
        var additionalAllowed = additional is not null && !(additional is YamlScalarNode { Value: "false" });
        if (properties is YamlMappingNode map)
        {
            if (additionalAllowed)
                return Unsupported(schema, "an object with both 'properties' and 'additionalProperties'", contextName, "keep one of them");
            if (map.Children.Count == 0)
                return TypeRef.Of(TypeRefKind.EmptyObject);
            return ReadObject(schema, contextName, new[] { schema });
        }
        if (additionalAllowed)
        {
            var valueType = additional is YamlMappingNode valueSchema && valueSchema.Children.Count > 0
                ? JsonValue(Read(valueSchema, contextName + "Value", nullable: false))
                : TypeRef.Of(TypeRefKind.Element);
            return new TypeRef(TypeRefKind.Map, false, Item: valueType);
        }
        return FreeForm(schema, contextName);
    }

    /// <summary>
    /// An object schema with neither properties nor a map's values: always <c>{}</c> (DockerShapes), the definition an
    /// <c>x-go-type</c> item names, or any JSON, kept as it is and said (DAPI013).
    /// </summary>
    private TypeRef FreeForm(YamlMappingNode schema, string contextName)
    {
        if (DockerShapes.IsEmptyObject(schema))
            return TypeRef.Of(TypeRefKind.EmptyObject);
        if (schema.Map("x-go-type") is { } goType)
        {
            var goPackage = _definitionBeingRead is { } outer ? _definitions?.Map(outer)?.Str("x-go-package") : null;
            if (DockerShapes.GoTypeDefinition(goType, goPackage, name => _definitions?.Get(name) is YamlMappingNode) is { } definition)
                return ResolveDefinition(definition);
            return Unsupported(schema, $"'x-go-type: {goType.Str("type")}' without a schema or a definition of that name", contextName, "add the item's schema");
        }
        _diagnostics.Report(DiagnosticDescriptors.FreeFormValue, schema, string.IsNullOrEmpty(contextName) ? "The value" : contextName);
        return TypeRef.Of(TypeRefKind.Element);
    }

    private TypeRef ReadObject(YamlMappingNode schema, string name, IReadOnlyList<YamlMappingNode> parts, bool allOptional = false)
    {
        var typeName = ClaimName(name);
        var reference = new TypeRef(TypeRefKind.Named, false, typeName);
        // Registered before the properties are read, so that a recursive schema refers to itself.
        _types[typeName] = new ApiType(typeName, schema.Describe(), TypeKind.Object, EquatableArray<ApiProperty>.Empty, EquatableArray<ApiEnumMember>.Empty);

        var properties = new List<ApiProperty>();
        var memberNames = new HashSet<string> { typeName };
        foreach (var part in parts)
        {
            var objectSchema = part;
            if (part.Get("$ref") is YamlScalarNode partRef)
            {
                if (DefinitionSchema(partRef) is not { } target)
                    continue;
                objectSchema = target;
            }
            foreach (var property in PropertiesOf(objectSchema))
                AddProperty(properties, memberNames, typeName, property.Schema, property.WireName, property.Required && !allOptional);
        }
        _types[typeName] = new ApiType(typeName, schema.Describe() ?? parts.Select(p => p.Describe()).FirstOrDefault(d => d is not null),
            TypeKind.Object, properties.ToEquatableArray(), EquatableArray<ApiEnumMember>.Empty);
        return reference;
    }

    /// <summary>The properties of an object schema, following allOf and $ref parts.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="visiting">The schemas whose allOf is being followed: one met again is an allOf cycle, reported once.</param>
    private IEnumerable<(string WireName, YamlMappingNode Schema, bool Required)> PropertiesOf(YamlMappingNode schema, HashSet<YamlMappingNode>? visiting = null)
    {
        if (schema.Seq("allOf") is { } allOf)
        {
            visiting ??= new HashSet<YamlMappingNode>(SameNode.Instance);
            visiting.Add(schema);
            foreach (var part in allOf.Children.OfType<YamlMappingNode>())
            {
                var target = part.Get("$ref") is YamlScalarNode r ? DefinitionSchema(r) : part;
                if (target is null)
                    continue;
                if (visiting.Contains(target))
                {
                    _diagnostics.Report(DiagnosticDescriptors.BudgetExceeded, part, "This allOf part includes a schema that includes it (an allOf cycle)",
                        "an object can include another's properties, not its own");
                    continue;
                }
                foreach (var p in PropertiesOf(target, visiting))
                    yield return p;
            }
            visiting.Remove(schema);
        }
        var required = new HashSet<string>(schema.Seq("required")?.Children.OfType<YamlScalarNode>().Select(n => n.Value!) ?? Enumerable.Empty<string>());
        foreach (var entry in schema.Map("properties")?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (entry.Key is YamlScalarNode { Value: { } wire } && entry.Value is YamlMappingNode propertySchema)
                yield return (wire, propertySchema, required.Contains(wire));
        }
    }

    private void AddProperty(List<ApiProperty> properties, HashSet<string> memberNames, string typeName, YamlMappingNode schema, string wire, bool required)
    {
        if (properties.Any(p => p.WireName == wire))
            return;
        var name = Naming.Pascal(wire);
        if (name == typeName)
            name += "Value";
        if (ReservedNames.ObjectMembers.Contains(name))
            name = Renamed(schema, wire, "a property", "every record has a member of that name", name + "Value");
        name = Naming.Unique(name, memberNames);
        var type = DockerShapes.EmptyStructProperties.Contains(wire) && schema.Str("type") == "object" && schema.Children.All(c => c.Key is YamlScalarNode { Value: "type" or "description" })
            ? TypeRef.Of(TypeRefKind.EmptyObject).AsNullable(!required)
            : JsonValue(Read(schema, typeName + Naming.Pascal(wire), nullable: !required));
        properties.Add(new ApiProperty(name, wire, type, schema.Describe(), required && !type.Nullable,
            schema.Bool("x-docker-sensitive") || SecretNames.IsSecret(wire), ValueFacts.Of(schema)));
    }

    private TypeRef ReadEnum(YamlMappingNode schema, YamlSequenceNode values, string type, string contextName)
    {
        var typeName = ClaimName(contextName);
        var names = schema.Seq("x-enum-varnames")?.Children.OfType<YamlScalarNode>().ToList();
        var described = schema.Map("x-docker-enum-descriptions");
        var members = new List<ApiEnumMember>();
        var taken = new HashSet<string>(ReservedNames.StringEnumMembers) { typeName };
        var index = 0;
        foreach (var value in values.Children.OfType<YamlScalarNode>())
        {
            var text = value.Value ?? "";
            // An integer enum is a C# enum over int (its JSON is read with ReadInt32).
            if (type == "integer" && !int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
                return Unsupported(value, $"the integer enum value '{text}'", contextName, "list whole numbers that fit 32 bits, or make it a string enum");
            var name = names is not null && index < names.Count ? MemberName(names[index]) : MemberName(value, text.Length == 0 ? "Empty" : Naming.Pascal(text));
            members.Add(new ApiEnumMember(Naming.Unique(name, taken), text, described?.Str(text)));
            index++;
        }
        var kind = type == "integer" ? TypeKind.IntEnum : TypeKind.StringEnum;
        _types[typeName] = new ApiType(typeName, schema.Describe(), kind, EquatableArray<ApiProperty>.Empty, members.ToEquatableArray());
        return new TypeRef(TypeRefKind.Named, false, typeName, NamedKind: kind);
    }

    /// <summary>
    /// An enum member's C# name: an <c>x-enum-varnames</c> entry as written when it is an identifier (else made one),
    /// or <paramref name="derived"/> from the value; suffixed when the generated type has a member of that name.
    /// Either change is reported once (DAPI011).
    /// </summary>
    private string MemberName(YamlScalarNode node, string? derived = null)
    {
        var name = derived ?? node.Value ?? "";
        string? why = null;
        if (!Naming.IsIdentifier(name))
            (name, why) = (Naming.Pascal(name), "it is not a C# identifier");
        if (ReservedNames.StringEnumMembers.Contains(name))
            (name, why) = (name + "Value", why ?? "the generated type has a member of that name");
        return why is null ? name : Renamed(node, derived ?? node.Value ?? "", "an enum member", why, name);
    }

    private string Renamed(YamlNode at, string name, string what, string why, string generated)
    {
        _diagnostics.Report(DiagnosticDescriptors.NameChanged, at, name, what, why, generated);
        return generated;
    }

    /// <summary>
    /// The type of a value inside JSON: bytes (<c>format: binary</c>) are a whole body or answer, never a property or an
    /// item, where the JSON holds them as a string.
    /// </summary>
    private static TypeRef JsonValue(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Binary => TypeRef.Of(TypeRefKind.String).AsNullable(type.Nullable),
        TypeRefKind.List or TypeRefKind.Map when type.Item is { Kind: TypeRefKind.Binary } => type with { Item = TypeRef.Of(TypeRefKind.String) },
        _ => type,
    };

    private TypeRef? Resolve(YamlScalarNode reference)
    {
        var text = reference.Value ?? "";
        var name = text.StartsWith(RefPrefix, System.StringComparison.Ordinal) ? text.Substring(RefPrefix.Length) : null;
        if (name is null || _definitions?.Get(name) is not YamlMappingNode)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownRef, reference, text);
            return null;
        }
        return ResolveDefinition(name, reference);
    }

    private YamlMappingNode? DefinitionSchema(YamlScalarNode reference)
    {
        var text = reference.Value ?? "";
        if (text.StartsWith(RefPrefix, System.StringComparison.Ordinal) && _definitions?.Get(text.Substring(RefPrefix.Length)) is YamlMappingNode schema)
            return schema;
        _diagnostics.Report(DiagnosticDescriptors.UnknownRef, reference, text);
        return null;
    }

    private TypeRef ResolveDefinition(string name, YamlNode? at = null)
    {
        if (_resolved.TryGetValue(name, out var known))
        {
            // Recursion is only through a named object, which is registered before its properties are read; an array or
            // a map of itself (ArrSelf: {type: array, items: {$ref: ArrSelf}}) has no type to refer to.
            if (_reading.Contains(name) && known.Name is { } pending && !_types.ContainsKey(pending))
            {
                _diagnostics.Report(DiagnosticDescriptors.BudgetExceeded, at ?? _definitions!.Get(name),
                    $"The definition '{name}' contains itself through arrays or maps only, with no object between (it would be a list or map of itself)",
                    "make the recursion go through an object, or give the inner value a schema of its own");
                return TypeRef.Of(TypeRefKind.Element);
            }
            return known;
        }
        if (_definitions!.Get(name) is not YamlMappingNode schema)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidSpec, _definitions!.Get(name),
                $"The definition '{name}' must be a schema (a mapping with 'type', 'properties', …).");
            return _resolved[name] = TypeRef.Of(TypeRefKind.Element);
        }
        if (RefCycle(name) is { } cycle)
        {
            _diagnostics.Report(DiagnosticDescriptors.BudgetExceeded, schema, $"The definition '{name}' is only a '$ref' and the references lead back to it ({cycle})",
                "one definition of the cycle must be a schema");
            return _resolved[name] = TypeRef.Of(TypeRefKind.Element);
        }
        var typeName = _typeNameOfDefinition[name];
        // Placeholder while reading, for recursive definitions.
        _resolved[name] = new TypeRef(TypeRefKind.Named, false, typeName);
        var (outer, outerDefinition) = (_claimable, _definitionBeingRead);
        (_claimable, _definitionBeingRead) = (typeName, name);
        _reading.Add(name);
        var type = Read(schema, typeName, nullable: false).AsNullable(false);
        _reading.Remove(name);
        (_claimable, _definitionBeingRead) = (outer, outerDefinition);
        _resolved[name] = type;
        return type;
    }

    /// <summary>
    /// <c>A → B → A</c> when <paramref name="name"/> is nothing but a <c>$ref</c> (alone or as a single allOf part) and
    /// following such references comes back to it; null otherwise. Such a definition has no type to be.
    /// </summary>
    private string? RefCycle(string name)
    {
        var path = new List<string> { name };
        var current = name;
        while (_definitions?.Get(current) is YamlMappingNode schema && PureRef(schema) is { } target)
        {
            if (target == name)
                return string.Join(" → ", path) + " → " + name;
            if (path.Contains(target))
                return null; // a cycle further on, reported at its own members
            path.Add(current = target);
        }
        return null;
    }

    private static string? PureRef(YamlMappingNode schema)
    {
        if (schema.Seq("allOf") is { Children.Count: 1 } allOf && allOf.Children[0] is YamlMappingNode single)
            schema = single;
        return schema.Get("$ref") is YamlScalarNode { Value: { } text } && text.StartsWith(RefPrefix, System.StringComparison.Ordinal)
            ? text.Substring(RefPrefix.Length)
            : null;
    }

    /// <summary>The definition's reserved name for its own top-level type; a unique new name for anything else.</summary>
    private string ClaimName(string name)
    {
        if (name == _claimable)
        {
            _claimable = null;
            return name;
        }
        return Naming.UniqueType(Naming.TypeName(name), _typeNames);
    }

    private TypeRef Unsupported(YamlNode schema, string construct, string where, string hint)
    {
        _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, schema, construct, string.IsNullOrEmpty(where) ? "the value" : where, hint);
        return TypeRef.Of(TypeRefKind.Element);
    }

    /// <summary>Nodes compared by identity: YamlDotNet's own equality walks the whole subtree.</summary>
    private sealed class SameNode : IEqualityComparer<YamlMappingNode>
    {
        public static readonly SameNode Instance = new();

        public bool Equals(YamlMappingNode? x, YamlMappingNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlMappingNode node) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(node);
    }
}
