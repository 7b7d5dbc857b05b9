using System.Text;
using System.Text.RegularExpressions;

namespace DockerApi.Build;

/// <summary>
/// A build context's <c>.dockerignore</c>, read and matched exactly as Docker reads it: one pattern a line, <c>#</c>
/// comments, surrounding white space trimmed, patterns cleaned as Go's <c>filepath.Clean</c> does and taken relative to
/// the context (a leading <c>/</c> dropped); <c>*</c> and <c>?</c> within one path element, <c>**</c> across any number
/// of them, <c>[a-z]</c> classes and <c>\</c> escapes as in Go's <c>filepath.Match</c>; a pattern that matches a folder
/// matches everything in it; <c>!pattern</c> takes back what earlier lines excluded, and the last matching line wins.
/// </summary>
/// <example>
/// <code>
/// var ignore = DockerIgnore.Parse("**/*.log\nnode_modules\n!node_modules/keep.txt");
/// ignore.IsExcluded("src/app.log");               // true
/// ignore.IsExcluded("node_modules/keep.txt");     // false
/// </code>
/// </example>
public sealed class DockerIgnore
{
    private readonly IReadOnlyList<IgnorePattern> _patterns;

    private DockerIgnore(IReadOnlyList<IgnorePattern> patterns) => _patterns = patterns;

    /// <summary>A file that excludes nothing.</summary>
    public static DockerIgnore None { get; } = new([]);

    /// <summary>Whether any line is an exception (<c>!…</c>): then an excluded folder may still hold files to send.</summary>
    public bool HasExceptions => _patterns.Any(p => p.Exception);

    /// <summary>The patterns as Docker keeps them, cleaned, in order (<c>!</c> before exceptions).</summary>
    public IReadOnlyList<string> Patterns => _patterns.Select(p => p.ToString()).ToList();

    /// <summary>Reads the text of a <c>.dockerignore</c> (a UTF-8 byte order mark is dropped).</summary>
    /// <exception cref="FormatException">A line is <c>!</c> alone, or its pattern is malformed (an unclosed <c>[</c>).</exception>
    public static DockerIgnore Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var patterns = new List<IgnorePattern>();
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            // A comment is a line that starts with '#' before any trimming, as Docker reads it.
            if (raw.StartsWith('#'))
                continue;
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            var exception = line[0] == '!';
            if (exception)
                line = line[1..].Trim();
            if (line.Length == 0)
                throw new FormatException("illegal exclusion pattern: \"!\"");
            patterns.Add(IgnorePattern.Compile(Relative(GoPath.Clean(line)), exception));
        }
        return new DockerIgnore(patterns);
    }

    /// <summary>
    /// Patterns given as a list, as BuildKit's file sync and the docker CLI pass them: each one a pattern (none a comment),
    /// cleaned and matched as the lines of a <c>.dockerignore</c>.
    /// </summary>
    /// <exception cref="FormatException">A pattern is <c>!</c> alone, or malformed (an unclosed <c>[</c>).</exception>
    public static DockerIgnore FromPatterns(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var compiled = new List<IgnorePattern>();
        foreach (var pattern in patterns.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var exception = pattern[0] == '!';
            var line = exception ? pattern[1..].Trim() : pattern;
            if (line.Length == 0)
                throw new FormatException("illegal exclusion pattern: \"!\"");
            compiled.Add(IgnorePattern.Compile(Relative(GoPath.Clean(line)), exception));
        }
        return new DockerIgnore(compiled);
    }

    /// <summary>
    /// The <c>.dockerignore</c> of a build context as the docker CLI applies it: the Dockerfile and the ignore file are
    /// sent even when a line leaves them out.
    /// </summary>
    /// <param name="contextDirectory">The context folder.</param>
    /// <param name="dockerfile">The Dockerfile, relative to the context (<c>Dockerfile</c>, <c>build/app.Dockerfile</c>).</param>
    /// <exception cref="DockerConfigException">The file cannot be read, or a pattern in it is malformed.</exception>
    public static DockerIgnore ForContext(string contextDirectory, string dockerfile) =>
        Load(contextDirectory).Keeping(GoPath.Clean(dockerfile.Replace('\\', '/')), ".dockerignore");

    /// <summary>Reads <c>.dockerignore</c> of <paramref name="contextDirectory"/>; <see cref="None"/> when there is none.</summary>
    /// <exception cref="DockerConfigException">The file cannot be read, or a pattern in it is malformed (the message names the file).</exception>
    public static DockerIgnore Load(string contextDirectory)
    {
        var path = Path.Combine(contextDirectory, ".dockerignore");
        if (!File.Exists(path))
            return None;
        try
        {
            return Parse(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new DockerConfigException($"the .dockerignore cannot be used: {e.Message}", path, e);
        }
    }

    /// <summary>
    /// Whether <paramref name="path"/> (relative to the context, <c>/</c>-separated, as <c>src/app.log</c>) is left out of
    /// the context: the last line that matches it, or one of its folders, decides.
    /// </summary>
    public bool IsExcluded(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var excluded = false;
        var parent = GoPath.Dir(path);
        var folders = parent.Split('/');
        foreach (var pattern in _patterns)
        {
            // An exception can only take back what is excluded, an exclusion only add to what is not.
            if (pattern.Exception != excluded)
                continue;
            var match = pattern.Matches(path);
            for (var i = 0; !match && parent != "." && i < folders.Length; i++)
                match = pattern.Matches(string.Join('/', folders[..(i + 1)]));
            if (match)
                excluded = !pattern.Exception;
        }
        return excluded;
    }

    /// <summary>A cleaned pattern taken relative to the context: a leading <c>/</c> dropped.</summary>
    private static string Relative(string cleaned) => cleaned.Length > 1 && cleaned[0] == '/' ? cleaned[1..] : cleaned;

    /// <summary>A copy that never excludes <paramref name="paths"/>: the Dockerfile and .dockerignore are always sent (the docker CLI's rule).</summary>
    public DockerIgnore Keeping(params string[] paths) =>
        new([.. _patterns, .. paths.Where(IsExcluded).Select(p => IgnorePattern.Compile(GoPath.Clean(p), exception: true))]);

    /// <summary>One line: how it matches, decided as Docker's pattern matcher decides it.</summary>
    private sealed class IgnorePattern
    {
        private enum Kind { Exact, Prefix, Suffix, Expression }

        private readonly string _cleaned;
        private readonly Kind _kind;
        private readonly Regex? _regex;

        private IgnorePattern(string cleaned, bool exception, Kind kind, Regex? regex) => (_cleaned, Exception, _kind, _regex) = (cleaned, exception, kind, regex);

        public bool Exception { get; }

        public override string ToString() => (Exception ? "!" : "") + _cleaned;

        public bool Matches(string path) => _kind switch
        {
            Kind.Exact => path == _cleaned,
            Kind.Prefix => path.StartsWith(_cleaned[..^2], StringComparison.Ordinal), // "dir/**": what starts with "dir/"
            Kind.Suffix => path.EndsWith(_cleaned[2..], StringComparison.Ordinal)     // "**file", "**/dir"
                || (_cleaned.Length > 2 && _cleaned[2] == '/' && path == _cleaned[3..]),
            _ => _regex!.IsMatch(path),
        };

        /// <summary>
        /// The pattern as Docker compiles it: a literal is an exact match, <c>x/**</c> a prefix, <c>**x</c> a suffix;
        /// anything else a regular expression of the path (<c>*</c> and <c>?</c> stop at <c>/</c>, <c>**</c> spans folders).
        /// </summary>
        public static IgnorePattern Compile(string cleaned, bool exception)
        {
            var expression = new StringBuilder("^");
            var kind = Kind.Exact;
            for (var i = 0; i < cleaned.Length; i++)
            {
                var c = cleaned[i];
                if (c == '*' && i + 1 < cleaned.Length && cleaned[i + 1] == '*')
                {
                    var start = i;
                    i++;
                    if (i + 1 < cleaned.Length && cleaned[i + 1] == '/')
                        i++; // "**/" is "**"
                    if (i + 1 == cleaned.Length)
                    {
                        // "**" at the end: a prefix match when nothing before made it an expression.
                        if (kind == Kind.Exact)
                            kind = Kind.Prefix;
                        else
                            (expression, kind) = (expression.Append(".*"), Kind.Expression);
                    }
                    else
                    {
                        expression.Append("(.*/)?");
                        kind = Kind.Expression;
                    }
                    if (start == 0)
                        kind = Kind.Suffix;
                }
                else if (c == '*')
                    (expression, kind) = (expression.Append("[^/]*"), Kind.Expression);
                else if (c == '?')
                    (expression, kind) = (expression.Append("[^/]"), Kind.Expression);
                else if (c is '.' or '+' or '(' or ')' or '|' or '{' or '}' or '$')
                    expression.Append('\\').Append(c);
                else if (c == '\\')
                {
                    if (i + 1 < cleaned.Length)
                        (expression, kind) = (expression.Append('\\').Append(cleaned[++i]), Kind.Expression);
                    else
                        expression.Append(@"\\");
                }
                else if (c is '[' or ']')
                    (expression, kind) = (expression.Append(c), Kind.Expression);
                else
                    expression.Append(c); // as Docker: '^' inside a class negates it, so nothing else is escaped
            }
            if (kind != Kind.Expression)
                return new IgnorePattern(cleaned, exception, kind, null);
            try
            {
                return new IgnorePattern(cleaned, exception, kind, new Regex(expression.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"'{cleaned}' is not a valid pattern: {e.Message}", e);
            }
        }
    }
}
