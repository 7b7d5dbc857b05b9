using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerApi.Generator.Emitting;

/// <summary>
/// The one sanitizer of text that comes from a spec and goes into C#. C# ends a line (and so a <c>///</c> comment) at
/// CR, LF, U+0085, U+2028 and U+2029, not only at LF: a description holding any of them could otherwise start a line
/// of code. Docs are split on all of them, one-line texts have them replaced, literals escape them, and
/// <see cref="SourceWriter"/> refuses a line that still holds one.
/// </summary>
internal static class CSharpText
{
    /// <summary>Every character that ends a line in C# source (§6.3.2 of the C# standard).</summary>
    public static readonly char[] LineTerminators = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    /// <summary>The lines of <paramref name="text"/>, split at every C# line terminator (CR LF counts once).</summary>
    public static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (System.Array.IndexOf(LineTerminators, text[i]) < 0)
                continue;
            yield return text.Substring(start, i - start);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            start = i + 1;
        }
        yield return text.Substring(start);
    }

    /// <summary><paramref name="text"/> on one line: each line terminator becomes a space.</summary>
    public static string OneLine(string text) => string.Join(" ", Lines(text));

    /// <summary>A C# string literal of <paramref name="text"/>, quotes included; every line terminator escaped.</summary>
    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>True when <paramref name="line"/> holds a C# line terminator.</summary>
    public static bool HasLineTerminator(string line) => line.IndexOfAny(LineTerminators) >= 0;
}
