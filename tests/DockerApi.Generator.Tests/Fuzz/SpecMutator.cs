using System.Text;
using System.Text.RegularExpressions;

namespace DockerApi.Generator.Tests.Fuzz;

/// <summary>
/// Mutates a spec's text the ways a careless or hostile author would: lines deleted or doubled, types swapped, refs
/// broken or made cyclic, names that C# or our own generated members already use, text with every C# line
/// terminator, deep nesting, alias bombs and cycles. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static partial class SpecMutator
{
    public static readonly string[] HostileNames =
    [
        "ToString", "Equals", "GetHashCode", "Clone", "EqualityContract", "Deconstruct", "PrintMembers", "GetType",
        "MemberwiseClone", "Finalize", "System", "Default", "Options", "DockerClient", "HttpClient", "Settings",
        "DockerJsonContext", "DockerApiRegistration", "query", "uri", "request", "form", "cancellationToken", "client",
        "class", "namespace", "1x", "-", "😀", "a b", "Thing", "THING", "foo-bar", "FooBar", "", "_", "Value", "@",
        "Task", "String", "Stream", "JsonElement", "Refit", "Names", "Read", "Write", "Dispose", "ApiVersion", "Client",
    ];

    private static readonly string[] HostileTexts =
    [
        "Gets x.\\Lstatic int Injected() { return 42; } //", "a\\rclass Injected { }", "x\\N}", "y\\P#error injected",
        "</summary><see cref=\\\"Injected\\\"/>", "\\\"quoted\\\" \\\\ back", "`code` [link](http://x) ```",
    ];

    private static readonly string[] Types = ["string", "integer", "number", "boolean", "array", "object", "file", "null", "nonsense"];

    private delegate bool Mutation(List<string> lines, Random random);

    private static readonly (string Name, Mutation Apply)[] Mutations =
    [
        ("delete-line", DeleteLine), ("duplicate-line", DuplicateLine), ("swap-type", SwapType), ("bad-ref", BadRef),
        ("cyclic-ref", CyclicRef), ("hostile-key", HostileKey), ("hostile-enum", HostileEnum), ("hostile-tag", HostileTag),
        ("hostile-parameter", HostileParameter), ("hostile-operation-id", HostileOperationId), ("hostile-text", HostileText),
        ("deep-nesting", DeepNesting), ("alias-bomb", AliasBomb), ("alias-cycle", AliasCycle), ("enum-varnames", EnumVarnames),
        ("hostile-version", HostileVersion), ("format-binary", FormatBinary), ("integer-enum", IntegerEnum),
        ("container-of-itself", ContainerOfItself),
    ];

    /// <summary>One to three mutations of <paramref name="spec"/>; the names of those applied.</summary>
    public static (string Text, string[] Applied) Mutate(string spec, Random random)
    {
        var lines = spec.Replace("\r\n", "\n").Split('\n').ToList();
        var applied = new List<string>();
        var count = random.Next(1, 4);
        for (var attempt = 0; applied.Count < count && attempt < 20; attempt++)
        {
            var (name, apply) = Mutations[random.Next(Mutations.Length)];
            if (apply(lines, random))
                applied.Add(name);
        }
        return (string.Join("\n", lines), [.. applied]);
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static int PickLine(List<string> lines, Random random, Regex pattern)
    {
        var matches = Enumerable.Range(0, lines.Count).Where(i => pattern.IsMatch(lines[i])).ToList();
        return matches.Count == 0 ? -1 : Pick(matches, random);
    }

    private static bool Replace(List<string> lines, Random random, Regex pattern, Func<Match, string> replacement)
    {
        var index = PickLine(lines, random, pattern);
        if (index < 0)
            return false;
        lines[index] = pattern.Replace(lines[index], m => replacement(m), 1);
        return true;
    }

    private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static bool DeleteLine(List<string> lines, Random random)
    {
        lines.RemoveAt(random.Next(lines.Count));
        return true;
    }

    private static bool DuplicateLine(List<string> lines, Random random)
    {
        var i = random.Next(lines.Count);
        lines.Insert(i, lines[i]);
        return true;
    }

    private static bool SwapType(List<string> lines, Random random) =>
        Replace(lines, random, TypeLine(), m => $"{m.Groups[1].Value}type: \"{Pick(Types, random)}\"");

    private static bool BadRef(List<string> lines, Random random)
    {
        var names = DefinitionNames(lines);
        string[] targets = ["#/definitions/Missing", "#/definitions/", "not-a-ref", "#/paths/x", names.Count > 0 ? "#/definitions/" + Pick(names, random) : "#/definitions/X"];
        return Replace(lines, random, RefLine(), m => $"{m.Groups[1].Value}$ref: \"{Pick(targets, random)}\"");
    }

    private static bool CyclicRef(List<string> lines, Random random)
    {
        var definitions = lines.FindIndex(l => l == "definitions:");
        if (definitions < 0)
            return false;
        string[][] cycles =
        [
            ["  FzA:", "    allOf:", "      - $ref: \"#/definitions/FzB\"", "  FzB:", "    allOf:", "      - $ref: \"#/definitions/FzA\"", "      - type: \"object\"", "        properties:", "          X:", "            type: \"string\""],
            ["  FzA:", "    $ref: \"#/definitions/FzA\""],
            ["  FzA:", "    $ref: \"#/definitions/FzB\"", "  FzB:", "    $ref: \"#/definitions/FzA\""],
            ["  FzA:", "    type: \"object\"", "    properties:", "      Self:", "        $ref: \"#/definitions/FzA\"", "      Items:", "        type: \"array\"", "        items:", "          $ref: \"#/definitions/FzA\""],
        ];
        lines.InsertRange(definitions + 1, Pick(cycles, random));
        Replace(lines, random, RefLine(), m => $"{m.Groups[1].Value}$ref: \"#/definitions/FzA\"");
        return true;
    }

    private static bool HostileKey(List<string> lines, Random random) =>
        Replace(lines, random, KeyLine(), m => $"{m.Groups[1].Value}{Quoted(Pick(HostileNames, random))}:");

    private static bool HostileEnum(List<string> lines, Random random) =>
        Replace(lines, random, ListItemLine(), m => $"{m.Groups[1].Value}- {Quoted(Pick(HostileNames, random))}");

    private static bool HostileTag(List<string> lines, Random random) =>
        Replace(lines, random, TagLine(), m => $"{m.Groups[1].Value}{Quoted(Pick(HostileNames, random))}{m.Groups[3].Value}");

    private static bool HostileParameter(List<string> lines, Random random) =>
        Replace(lines, random, NameLine(), m => $"{m.Groups[1].Value}name: {Quoted(Pick(HostileNames, random))}");

    private static bool HostileOperationId(List<string> lines, Random random) =>
        Replace(lines, random, OperationIdLine(), m => $"{m.Groups[1].Value}operationId: {Quoted(Pick(HostileNames, random))}");

    private static bool HostileText(List<string> lines, Random random)
    {
        var text = Pick(HostileTexts, random);
        return Replace(lines, random, TextLine(), m => $"{m.Groups[1].Value}{m.Groups[2].Value}: \"{text}\"");
    }

    private static bool DeepNesting(List<string> lines, Random random)
    {
        var depth = random.Next(2) == 0 ? random.Next(20, 120) : random.Next(150, 5000);
        var nested = new StringBuilder("  FzDeep: ");
        for (var i = 0; i < depth; i++)
            nested.Append("{type: \"object\", properties: {P: ");
        nested.Append("{type: \"string\"}").Append('}', 2 * depth);
        return Append(lines, nested.ToString());
    }

    private static bool AliasBomb(List<string> lines, Random random)
    {
        var depth = random.Next(1, 6);
        var bomb = new List<string> { "  FzBomb:", "    type: \"object\"", "    properties:", "      L0: &fz0 {type: \"object\", properties: {X: {type: \"string\"}}}" };
        for (var level = 1; level <= depth; level++)
            bomb.Add($"      L{level}: &fz{level} {{type: \"object\", properties: {{{string.Join(", ", Enumerable.Range(0, 10).Select(i => $"P{i}: *fz{level - 1}"))}}}}}");
        return Append(lines, [.. bomb]);
    }

    private static bool AliasCycle(List<string> lines, Random random) =>
        Append(lines, "  FzCycle: &fzc", "    type: \"object\"", "    properties:", "      Me: *fzc");

    private static bool EnumVarnames(List<string> lines, Random random)
    {
        var index = PickLine(lines, random, EnumLine());
        if (index < 0)
            return false;
        var indent = EnumLine().Match(lines[index]).Groups[1].Value;
        var names = Enumerable.Range(0, 4).Select(_ => Quoted(Pick(HostileNames, random)));
        lines.Insert(index, $"{indent}x-enum-varnames: [{string.Join(", ", names)}]");
        return true;
    }

    private static bool HostileVersion(List<string> lines, Random random)
    {
        string[] versions = ["1.2\\n", "abc", "1.2.3", "", "01.02", "1.99999999999"];
        return Replace(lines, random, VersionLine(), m => $"{m.Groups[1].Value}version: \"{Pick(versions, random)}\"");
    }

    private static bool FormatBinary(List<string> lines, Random random)
    {
        var index = PickLine(lines, random, TypeLine());
        if (index < 0)
            return false;
        var indent = TypeLine().Match(lines[index]).Groups[1].Value;
        if (random.Next(2) == 0)
            lines[index] = $"{indent}format: \"binary\"";
        else
            lines.Insert(index + 1, $"{indent}format: \"binary\"");
        return true;
    }

    private static bool IntegerEnum(List<string> lines, Random random)
    {
        string[][] values = [["true", "null", "\"+\""], ["1", "1"], ["1.5", "2"], ["99999999999999999999"]];
        return Append(lines, "  FzIntEnum:", "    type: \"integer\"", $"    enum: [{string.Join(", ", Pick(values, random))}]");
    }

    /// <summary>A definition that is an array or a map of itself, directly or through another such definition.</summary>
    private static bool ContainerOfItself(List<string> lines, Random random)
    {
        string[][] shapes =
        [
            ["  FzSelf:", "    type: \"array\"", "    items:", "      $ref: \"#/definitions/FzSelf\""],
            ["  FzSelf:", "    type: \"object\"", "    additionalProperties:", "      $ref: \"#/definitions/FzSelf\""],
            ["  FzSelf:", "    type: \"array\"", "    items:", "      $ref: \"#/definitions/FzOther\"",
                "  FzOther:", "    type: \"object\"", "    additionalProperties:", "      $ref: \"#/definitions/FzSelf\""],
            ["  FzSelf:", "    type: \"array\"", "    items:", "      type: \"array\"", "      items:", "        $ref: \"#/definitions/FzSelf\""],
        ];
        if (!Append(lines, Pick(shapes, random)))
            return false;
        Replace(lines, random, RefLine(), m => $"{m.Groups[1].Value}$ref: \"#/definitions/FzSelf\"");
        return true;
    }

    private static bool Append(List<string> lines, params string[] definition)
    {
        var definitions = lines.FindIndex(l => l == "definitions:");
        if (definitions < 0)
            return false;
        lines.InsertRange(definitions + 1, definition);
        return true;
    }

    private static List<string> DefinitionNames(List<string> lines)
    {
        var start = lines.FindIndex(l => l == "definitions:");
        return start < 0 ? [] : lines.Skip(start + 1).Select(l => DefinitionLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("^(\\s*)type: \"?[A-Za-z]+\"?\\s*$")]
    private static partial Regex TypeLine();

    [GeneratedRegex("^(\\s*-?\\s*)\\$ref: .*$")]
    private static partial Regex RefLine();

    [GeneratedRegex("^(\\s+)[A-Za-z_][\\w.-]*:\\s*$")]
    private static partial Regex KeyLine();

    [GeneratedRegex("^(\\s+)- \"[^\"]*\"\\s*$")]
    private static partial Regex ListItemLine();

    [GeneratedRegex("^(\\s*(?:- name: |tags: \\[))\"([^\"]*)\"(.*)$")]
    private static partial Regex TagLine();

    [GeneratedRegex("^(\\s*-?\\s*)name: \"[^\"]*\"\\s*$")]
    private static partial Regex NameLine();

    [GeneratedRegex("^(\\s*)operationId: .*$")]
    private static partial Regex OperationIdLine();

    [GeneratedRegex("^(\\s*)(description|summary|title): .*$")]
    private static partial Regex TextLine();

    [GeneratedRegex("^(\\s*)enum:")]
    private static partial Regex EnumLine();

    [GeneratedRegex("^(\\s*)version: .*$")]
    private static partial Regex VersionLine();

    [GeneratedRegex("^  ([A-Za-z]\\w*):\\s*$")]
    private static partial Regex DefinitionLine();
}
