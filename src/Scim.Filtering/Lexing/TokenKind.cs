namespace Scim.Filtering.Lexing;

/// <summary>The kinds of token of the filter and path language (RFC 7644 §3.4.2.2, figure 1).</summary>
internal enum TokenKind
{
    /// <summary>No more input; its position is the text length.</summary>
    EndOfInput,

    /// <summary>
    /// An attribute path, operator or keyword (<c>eq</c>, <c>and</c>, <c>true</c>...). Paths and keywords share one
    /// token kind because a URN-qualified path contains <c>:</c> and <c>.</c>; the parser decides by position.
    /// </summary>
    Word,

    /// <summary>A JSON string; the token value is the unescaped text.</summary>
    String,

    /// <summary>A JSON number; the token value is a <see cref="decimal"/>.</summary>
    Number,

    /// <summary><c>(</c></summary>
    LeftParen,

    /// <summary><c>)</c></summary>
    RightParen,

    /// <summary><c>[</c></summary>
    LeftBracket,

    /// <summary><c>]</c></summary>
    RightBracket,

    /// <summary>A <c>.</c> not inside a word, as after <c>]</c> in <c>emails[type eq "work"].value</c>.</summary>
    Dot,

    /// <summary>Text that starts no valid token; the parser reports it as unexpected where it occurs.</summary>
    Invalid,
}
