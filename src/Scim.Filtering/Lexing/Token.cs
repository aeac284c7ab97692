namespace Scim.Filtering.Lexing;

/// <summary>A token with its source text and 0-based start offset.</summary>
/// <param name="Kind">The token kind.</param>
/// <param name="Text">The source text of the token, as written.</param>
/// <param name="Position">The 0-based character offset of the token's first character.</param>
/// <param name="Value">The unescaped <see cref="string"/> or parsed <see cref="decimal"/>, for string and number tokens.</param>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, object? Value = null)
{
    // Keeps error messages readable when a client sends a huge token.
    private const int MaxDescribedLength = 40;

    /// <summary>How the token appears in an error message: <c>'foo'</c> or <c>end of input</c>.</summary>
    public string Describe() => Kind == TokenKind.EndOfInput
        ? "end of input"
        : $"'{(Text.Length > MaxDescribedLength ? Text[..MaxDescribedLength] + "..." : Text)}'";

    /// <summary>True for a word equal to <paramref name="keyword"/>; operators and keywords are case-insensitive (RFC 7644 §3.4.2.2).</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Word && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);
}
