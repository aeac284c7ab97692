using System.Globalization;
using Scim.Filtering.Lexing;

namespace Scim.Filtering.Ast;

/// <summary>The JSON type of a comparison value (RFC 7644 §3.4.2.2 <c>compValue</c>).</summary>
public enum LiteralKind
{
    /// <summary>A JSON string, e.g. <c>"bjensen"</c>.</summary>
    String,

    /// <summary>A JSON number, e.g. <c>42</c> or <c>1.5e3</c>.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>: compares as "not present".</summary>
    Null,
}

/// <summary>A typed comparison value.</summary>
/// <param name="Kind">The JSON type.</param>
/// <param name="Value">A <see cref="string"/>, a <see cref="decimal"/>, a <see cref="bool"/>, or null for <see cref="LiteralKind.Null"/>.</param>
public sealed record Literal(LiteralKind Kind, object? Value)
{
    /// <summary>The value as JSON, e.g. <c>"a\"b"</c>, <c>1.5</c>, <c>true</c> or <c>null</c>.</summary>
    public override string ToString() => Value switch
    {
        null => "null",
        string text => JsonString.Quote(text),
        bool flag => flag ? "true" : "false",
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? "null",
    };
}
