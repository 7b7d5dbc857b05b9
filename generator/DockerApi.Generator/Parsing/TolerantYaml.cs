using System.IO;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DockerApi.Generator.Parsing;

/// <summary>
/// Reads YAML as Docker's own tooling (PyYAML, go-yaml) reads Docker's files. One construct of theirs is refused by
/// YamlDotNet: a double-quoted scalar whose continuation lines are not indented past its key (API 1.25 – 1.40, e.g.
/// <c>description: "… for MLS</c> / <c>systems, such as SELinux."</c> at the key's own indentation). Only when the
/// strict reading fails on exactly that, those continuation lines are indented and the text read again: a
/// double-quoted scalar folds its line breaks and leading spaces, so the value is the same. Line numbers stay; columns
/// on a re-indented line move by the spaces added.
/// </summary>
internal static class TolerantYaml
{
    private const string UnderIndented = "multi-line double-quoted scalar, found wrong indentation";

    // A mapping key whose value opens a double quote on this line: '  description: "text'.
    private static readonly Regex QuotedValue = new(@"^(?<indent> *)[^\s""#][^""#]*?:\s+""(?<rest>.*)$", RegexOptions.Compiled);

    public static YamlStream Load(string text)
    {
        try
        {
            return LoadStrict(text);
        }
        catch (YamlException e) when ((e.InnerException?.Message ?? e.Message).Contains(UnderIndented) && Reindent(text) is { } repaired)
        {
            // The strict error stands if the repaired text fails too: it is about the spec as written.
            try
            {
                return LoadStrict(repaired);
            }
            catch (YamlException)
            {
                throw e;
            }
        }
    }

    private static YamlStream LoadStrict(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream;
    }

    /// <summary>The text with every under-indented continuation line of a double-quoted value indented past its key; null when there is none.</summary>
    internal static string? Reindent(string text)
    {
        var lines = text.Split('\n');
        var changed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var match = QuotedValue.Match(lines[i]);
            if (!match.Success || IsClosed(match.Groups["rest"].Value))
                continue;
            var keyIndent = match.Groups["indent"].Length;
            for (var j = i + 1; j < lines.Length; j++)
            {
                var line = lines[j];
                var indent = line.Length - line.TrimStart(' ').Length;
                if (line.Trim().Length > 0 && indent <= keyIndent)
                {
                    lines[j] = new string(' ', keyIndent + 2) + line.TrimStart(' ');
                    changed = true;
                }
                if (IsClosed(line))
                {
                    i = j;
                    break;
                }
            }
        }
        return changed ? string.Join("\n", lines) : null;
    }

    /// <summary>True when <paramref name="text"/> holds an unescaped double quote (the scalar ends on it).</summary>
    private static bool IsClosed(string text)
    {
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '\\')
                k++;
            else if (text[k] == '"')
                return true;
        }
        return false;
    }
}
