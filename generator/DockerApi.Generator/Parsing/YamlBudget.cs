using System.Collections.Generic;
using System.IO;
using DockerApi.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// Checks a spec's YAML before it is loaded into nodes, with YamlDotNet's event parser (a state machine, no
/// recursion): nesting deeper than <see cref="MaxDepth"/> would overflow the stack of the node loader and of every
/// recursive reader after it (which no <c>catch</c> survives: it ends the compiler process); an alias inside its own
/// anchor makes a cyclic graph; aliases that expand to more than <see cref="MaxAliasExpansion"/> nodes (a "billion
/// laughs") make the work exponential. Docker's files use none of these.
/// </summary>
internal static class YamlBudget
{
    /// <summary>The deepest nesting of mappings and sequences accepted. Docker's files nest about 20 deep.</summary>
    public const int MaxDepth = 200;

    /// <summary>The most nodes all aliases together may stand for.</summary>
    public const long MaxAliasExpansion = 10_000;

    /// <summary>True when <paramref name="text"/> is within budget; otherwise reports DAPI010 at the offending place.</summary>
    /// <remarks>Syntax errors are left to the loader, which reports them as DAPI001.</remarks>
    public static bool Check(string text, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(string? Anchor, long Size)>();
        var sizes = new Dictionary<string, long>();
        long expansion = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case NodeEvent { } start and (MappingStart or SequenceStart):
                        if (open.Count == MaxDepth)
                            return Fail(diagnostics, start, $"The YAML nests deeper than {MaxDepth} levels", "flatten it, or name inner schemas under 'definitions'");
                        open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, 1));
                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, size) = open.Pop();
                        Close(anchor, size, open, sizes);
                        break;
                    case Scalar scalar:
                        Close(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, 1, open, sizes);
                        break;
                    case AnchorAlias alias:
                        if (!sizes.TryGetValue(alias.Value.Value, out var aliased))
                        {
                            if (!IsOpen(open, alias.Value.Value))
                                return true; // an undefined alias: the loader's DAPI001 says so
                            return Fail(diagnostics, alias, $"The alias *{alias.Value.Value} stands inside its own anchor (a cycle)", "a schema that contains itself must be a '$ref' to a definition");
                        }
                        expansion += aliased;
                        if (expansion > MaxAliasExpansion)
                            return Fail(diagnostics, alias, $"The aliases expand to more than {MaxAliasExpansion} nodes", "write the repeated schema once under 'definitions' and '$ref' it");
                        Close(null, aliased, open, sizes);
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // A syntax error: the loader reports it with its own message.
        }
        return true;
    }

    private static bool IsOpen(Stack<(string? Anchor, long Size)> open, string anchor)
    {
        foreach (var node in open)
        {
            if (node.Anchor == anchor)
                return true;
        }
        return false;
    }

    private static void Close(string? anchor, long size, Stack<(string? Anchor, long Size)> open, Dictionary<string, long> sizes)
    {
        if (anchor is not null)
            sizes[anchor] = size;
        if (open.Count > 0)
        {
            var parent = open.Pop();
            open.Push((parent.Anchor, parent.Size + size));
        }
    }

    private static bool Fail(DiagnosticBag diagnostics, ParsingEvent at, string problem, string hint)
    {
        diagnostics.Report(DiagnosticDescriptors.BudgetExceeded, at.Start, at.End, problem, hint);
        return false;
    }
}
