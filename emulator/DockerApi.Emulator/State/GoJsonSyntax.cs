using System.Globalization;

namespace DockerApi.Emulator.State;

/// <summary>
/// The syntax check of Go's <c>json.Decoder.Decode</c> on the first value of a body, with its messages: <c>EOF</c>
/// for an empty body, <c>unexpected EOF</c> for one cut short, <c>invalid character 'x' looking for beginning of
/// value</c> (and the scanner's other contexts) for a wrong byte. Clients match on these texts.
/// </summary>
internal ref struct GoJsonSyntax
{
    private readonly ReadOnlySpan<byte> _text;
    private int _at;

    private GoJsonSyntax(ReadOnlySpan<byte> text) => _text = text;

    /// <summary>Null when the body starts with one well-formed JSON value; else Go's error text.</summary>
    public static string? Check(ReadOnlySpan<byte> body)
    {
        var scanner = new GoJsonSyntax(body);
        scanner.SkipSpace();
        if (scanner._at == body.Length)
            return "EOF";
        try
        {
            scanner.Value();
            return null;
        }
        catch (SyntaxError e)
        {
            return e.Message;
        }
    }

    private void Value()
    {
        var c = Next();
        switch (c)
        {
            case (byte)'{':
                Object();
                break;
            case (byte)'[':
                Array();
                break;
            case (byte)'"':
                String();
                break;
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                Number(c);
                break;
            case (byte)'t':
                Literal("true");
                break;
            case (byte)'f':
                Literal("false");
                break;
            case (byte)'n':
                Literal("null");
                break;
            default:
                throw Invalid(c, "looking for beginning of value");
        }
    }

    private void Object()
    {
        SkipSpace();
        if (Peek() == '}')
        {
            _at++;
            return;
        }
        while (true)
        {
            var c = Next();
            if (c != '"')
                throw Invalid(c, "looking for beginning of object key string");
            String();
            SkipSpace();
            c = Next();
            if (c != ':')
                throw Invalid(c, "after object key");
            SkipSpace();
            Value();
            SkipSpace();
            c = Next();
            if (c == '}')
                return;
            if (c != ',')
                throw Invalid(c, "after object key:value pair");
            SkipSpace();
        }
    }

    private void Array()
    {
        SkipSpace();
        if (Peek() == ']')
        {
            _at++;
            return;
        }
        while (true)
        {
            SkipSpace();
            Value();
            SkipSpace();
            var c = Next();
            if (c == ']')
                return;
            if (c != ',')
                throw Invalid(c, "after array element");
        }
    }

    private void String()
    {
        while (true)
        {
            var c = Next();
            if (c == '"')
                return;
            if (c < 0x20)
                throw Invalid(c, "in string literal");
            if (c != '\\')
                continue;
            c = Next();
            if (c == 'u')
            {
                for (var i = 0; i < 4; i++)
                {
                    var h = Next();
                    if (!char.IsAsciiHexDigit((char)h))
                        throw Invalid(h, "in \\u hexadecimal character escape");
                }
            }
            else if ("\"\\/bfnrt".IndexOf((char)c) < 0)
            {
                throw Invalid(c, "in string escape code");
            }
        }
    }

    /// <summary>A number; the byte after it belongs to whatever holds it (a top-level number ends at any byte).</summary>
    private void Number(byte first)
    {
        if (first == '-')
        {
            first = Next();
            if (!IsDigit(first))
                throw Invalid(first, "in numeric literal");
        }
        if (first != '0')
            Digits();
        if (Peek() == '.')
        {
            _at++;
            var c = Next();
            if (!IsDigit(c))
                throw Invalid(c, "after decimal point in numeric literal");
            Digits();
        }
        if (Peek() is 'e' or 'E')
        {
            _at++;
            var c = Next();
            if (c is (byte)'+' or (byte)'-')
                c = Next();
            if (!IsDigit(c))
                throw Invalid(c, "in exponent of numeric literal");
            Digits();
        }
    }

    private void Literal(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            var c = Next();
            if (c != word[i])
                throw Invalid(c, $"in literal {word} (expecting '{word[i]}')");
        }
    }

    private void Digits()
    {
        while (Peek() is >= '0' and <= '9')
            _at++;
    }

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';

    private int Peek() => _at < _text.Length ? _text[_at] : -1;

    /// <summary>The next byte; the body ending inside a value is Go's <c>unexpected EOF</c>.</summary>
    private byte Next() => _at < _text.Length ? _text[_at++] : throw new SyntaxError("unexpected EOF");

    private void SkipSpace()
    {
        while (_at < _text.Length && _text[_at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            _at++;
    }

    private static SyntaxError Invalid(byte c, string context) => new($"invalid character {Quote(c)} {context}");

    // Go's quoteChar: strconv.Quote of the character, in single quotes.
    private static string Quote(byte c) => c switch
    {
        (byte)'\'' => @"'\''",
        (byte)'"' => "'\"'",
        (byte)'\n' => @"'\n'",
        (byte)'\r' => @"'\r'",
        (byte)'\t' => @"'\t'",
        (byte)'\\' => @"'\\'",
        < 0x20 or 0x7f => "'\\x" + c.ToString("x2", CultureInfo.InvariantCulture) + "'",
        _ => "'" + (char)c + "'",
    };

    private sealed class SyntaxError(string message) : Exception(message);
}
