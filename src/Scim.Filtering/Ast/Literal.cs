namespace Scim.Filtering.Ast;

/// <summary>The JSON type of a comparison value (RFC 7644 §3.4.2.2 <c>compValue</c>).</summary>
public enum LiteralKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A typed comparison value.</summary>
/// <param name="Kind">The JSON type.</param>
/// <param name="Value">A <see cref="string"/>, a <see cref="decimal"/>, a <see cref="bool"/>, or null for <see cref="LiteralKind.Null"/>.</param>
public sealed record Literal(LiteralKind Kind, object? Value);
