using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DockerApi.Generator.Emitting;

/// <summary>XML documentation from the spec's descriptions: escaped, <c>`code`</c> as &lt;c&gt;, line by line.</summary>
internal static class XmlDoc
{
    private static readonly Regex Code = new("`([^`]+)`", RegexOptions.Compiled);
    private static readonly Regex Link = new(@"\[([^\]]+)\]\(([^)]+)\)", RegexOptions.Compiled);

    /// <summary>Text for one line of an XML doc comment: escaped, line terminators replaced (see <see cref="CSharpText"/>).</summary>
    public static string Escape(string text) => CSharpText.OneLine(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Markdown-ish description → XML doc text lines.</summary>
    public static IEnumerable<string> Lines(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            yield break;
        var lines = CSharpText.Lines(text!.Trim(CSharpText.LineTerminators)).Select(l => l.TrimEnd()).ToList();
        var inCode = false;
        foreach (var raw in lines)
        {
            if (raw.TrimStart().StartsWith("```"))
            {
                inCode = !inCode;
                yield return inCode ? "<code>" : "</code>";
                continue;
            }
            var line = Escape(raw);
            if (!inCode)
            {
                line = Link.Replace(line, "$1 ($2)");
                line = Code.Replace(line, "<c>$1</c>");
            }
            yield return line;
        }
        if (inCode)
            yield return "</code>";
    }

    private static string DocLine(string line) => line.Length == 0 ? "///" : "/// " + line;

    /// <summary>A summary of <paramref name="text"/>, or of <paramref name="fallback"/> (markdown-ish too) when the spec has none.</summary>
    public static void Summary(SourceWriter writer, string? text, string fallback)
    {
        writer.Line("/// <summary>");
        var lines = Lines(text).ToList();
        if (lines.Count == 0)
            lines = Lines(fallback).ToList();
        foreach (var line in lines)
            writer.Line(DocLine(line));
        writer.Line("/// </summary>");
    }

    public static void Element(SourceWriter writer, string element, string? attribute, string? text)
    {
        var lines = Lines(text).ToList();
        if (lines.Count == 0)
            return;
        var open = attribute is null ? $"<{element}>" : $"<{element} {attribute}>";
        if (lines.Count == 1)
        {
            writer.Line($"/// {open}{lines[0]}</{element}>");
            return;
        }
        writer.Line("/// " + open);
        foreach (var line in lines)
            writer.Line(DocLine(line));
        writer.Line($"/// </{element}>");
    }
}
