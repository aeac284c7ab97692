using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Scim.Filtering.Lexing;

/// <summary>
/// Splits filter or path text into <see cref="Token"/>s on demand, so that the parser reports the leftmost error.
/// Whitespace (space, tab, CR, LF) between tokens is skipped; the RFC asks for single spaces but clients vary.
/// Malformed strings and out-of-range numbers throw <see cref="ScimFilterException"/>; any other unexpected
/// character becomes an <see cref="TokenKind.Invalid"/> token that the parser reports in context.
/// </summary>
/// <param name="text">The whole filter or path text.</param>
/// <param name="scimType">The <c>scimType</c> of errors: <c>invalidFilter</c> or <c>invalidPath</c>.</param>
internal sealed partial class ScimFilterLexer(string text, string scimType)
{
    private int _offset;

    /// <summary>Reads the next token; after the end it keeps returning <see cref="TokenKind.EndOfInput"/>.</summary>
    public Token Next()
    {
        while (_offset < text.Length && text[_offset] is ' ' or '\t' or '\r' or '\n')
        {
            _offset++;
        }

        if (_offset >= text.Length)
        {
            return new Token(TokenKind.EndOfInput, string.Empty, text.Length);
        }

        var c = text[_offset];
        return c switch
        {
            '(' => Single(TokenKind.LeftParen),
            ')' => Single(TokenKind.RightParen),
            '[' => Single(TokenKind.LeftBracket),
            ']' => Single(TokenKind.RightBracket),
            '.' => Single(TokenKind.Dot),
            '"' => ReadString(),
            '-' or (>= '0' and <= '9') => ReadNumber(),
            _ when IsWordStart(c) => ReadWord(),
            _ => Single(TokenKind.Invalid, char.IsHighSurrogate(c) && _offset + 1 < text.Length ? 2 : 1),
        };
    }

    // Word characters cover ATTRNAME (ALPHA, DIGIT, "-", "_"), "$ref", and the ":" and "." of URN-qualified paths.
    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c is '$' or '_';

    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '$' or '_' or '-' or ':' or '.';

    // RFC 8259 §6 number grammar.
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    private Token Single(TokenKind kind, int length = 1)
    {
        var token = new Token(kind, text.Substring(_offset, length), _offset);
        _offset += length;
        return token;
    }

    private Token ReadWord()
    {
        var start = _offset;
        while (_offset < text.Length && IsWordPart(text[_offset]))
        {
            _offset++;
        }

        return new Token(TokenKind.Word, text[start.._offset], start);
    }

    private Token ReadNumber()
    {
        // Take the whole run, exponent signs included, so "12abc" is reported as one unexpected token rather than "12".
        var start = _offset;
        while (_offset < text.Length && (IsWordPart(text[_offset]) || text[_offset] == '+'))
        {
            _offset++;
        }

        var source = text[start.._offset];
        if (!JsonNumber().IsMatch(source))
        {
            return new Token(TokenKind.Invalid, source, start);
        }

        if (!decimal.TryParse(source, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw new ScimFilterException(
                $"Expected a number within the decimal range at position {start} but found '{source}'.", start, scimType);
        }

        return new Token(TokenKind.Number, source, start, number);
    }

    private Token ReadString()
    {
        var start = _offset++;
        var value = new StringBuilder();
        while (_offset < text.Length)
        {
            var c = text[_offset];
            if (c == '"')
            {
                _offset++;
                var decoded = value.ToString();
                if (Unstorable(decoded) is { } problem)
                {
                    throw new ScimFilterException($"The string that starts at position {start} {problem}; no stored value can contain it.", start, scimType);
                }

                return new Token(TokenKind.String, text[start.._offset], start, decoded);
            }

            if (c == '\\')
            {
                value.Append(ReadEscape());
                continue;
            }

            value.Append(c);
            _offset++;
        }

        throw new ScimFilterException(
            $"Expected '\"' at position {text.Length} to end the string that starts at position {start} but found end of input.",
            text.Length,
            scimType);
    }

    // A NUL or a lone surrogate (an escape such as \ud800 without its pair) is no Unicode text: PostgreSQL refuses it
    // as a parameter, and SQLite could never have stored it from a JSON body, which refuses the same.
    private static string? Unstorable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\0')
            {
                return "contains a NUL character (\\u0000)";
            }

            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return "contains a lone UTF-16 surrogate (\\ud800-\\udfff without its pair)";
            }
        }

        return null;
    }

    /// <summary>Reads one JSON escape (RFC 8259 §7) starting at the backslash.</summary>
    private char ReadEscape()
    {
        var start = _offset;
        var escape = start + 1 < text.Length ? text[start + 1] : '\0';
        char? simple = escape switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (simple is { } decoded)
        {
            _offset += 2;
            return decoded;
        }

        if (escape == 'u' && start + 6 <= text.Length
            && ushort.TryParse(text.AsSpan(start + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            _offset += 6;
            return (char)code;
        }

        var found = text.Substring(start, Math.Min(escape == 'u' ? 6 : 2, text.Length - start));
        throw new ScimFilterException(
            $"Expected an escape sequence (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) at position {start} but found '{found}'.",
            start,
            scimType);
    }
}
