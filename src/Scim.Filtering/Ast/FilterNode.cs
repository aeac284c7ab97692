namespace Scim.Filtering.Ast;

/// <summary>
/// A node of a parsed SCIM filter (RFC 7644 §3.4.2.2). Nodes are immutable; <see cref="object.ToString"/>
/// prints a canonical, fully parenthesised form used by tests and error messages.
/// </summary>
public abstract record FilterNode
{
    /// <summary>The canonical, fully parenthesised text of this node, e.g. <c>(a eq 1 or (b eq 2 and c eq 3))</c>.</summary>
    public abstract override string ToString();
}

/// <summary>Logical operators of RFC 7644 §3.4.2.2, table 3; <c>and</c> binds tighter than <c>or</c>.</summary>
public enum LogicalOperator
{
    /// <summary><c>and</c>: both sides hold.</summary>
    And,

    /// <summary><c>or</c>: either side holds.</summary>
    Or,
}

/// <summary>Attribute operators of RFC 7644 §3.4.2.2, table 3 (<c>pr</c> is <see cref="PresentFilter"/>).</summary>
public enum ComparisonOperator
{
    /// <summary><c>eq</c>: equal.</summary>
    Eq,

    /// <summary><c>ne</c>: not equal (also true where the attribute is absent).</summary>
    Ne,

    /// <summary><c>co</c>: contains the value as a substring.</summary>
    Co,

    /// <summary><c>sw</c>: starts with the value.</summary>
    Sw,

    /// <summary><c>ew</c>: ends with the value.</summary>
    Ew,

    /// <summary><c>gt</c>: greater than (strings lexicographically, dates chronologically).</summary>
    Gt,

    /// <summary><c>ge</c>: greater than or equal.</summary>
    Ge,

    /// <summary><c>lt</c>: less than.</summary>
    Lt,

    /// <summary><c>le</c>: less than or equal.</summary>
    Le,
}

/// <summary><c>left and right</c> or <c>left or right</c>.</summary>
public sealed record LogicalFilter(LogicalOperator Operator, FilterNode Left, FilterNode Right) : FilterNode
{
    /// <summary>Canonical text, e.g. <c>(a pr and b pr)</c>.</summary>
    public override string ToString() => $"({Left} {Operator.ToString().ToLowerInvariant()} {Right})";
}

/// <summary><c>not ( inner )</c>.</summary>
public sealed record NotFilter(FilterNode Inner) : FilterNode
{
    /// <summary>Canonical text, e.g. <c>not (x pr)</c>; a logical inner node brings its own parentheses.</summary>
    public override string ToString() => Inner is LogicalFilter ? $"not {Inner}" : $"not ({Inner})";
}

/// <summary><c>attrPath op compValue</c>, e.g. <c>userName eq "bjensen"</c>.</summary>
public sealed record ComparisonFilter(AttributePath Path, ComparisonOperator Operator, Literal Value) : FilterNode
{
    /// <summary>Canonical text, e.g. <c>userName eq "bjensen"</c>.</summary>
    public override string ToString() => $"{Path} {Operator.ToString().ToLowerInvariant()} {Value}";
}

/// <summary><c>attrPath pr</c>: the attribute has a non-empty value.</summary>
public sealed record PresentFilter(AttributePath Path) : FilterNode
{
    /// <summary>Canonical text, e.g. <c>title pr</c>.</summary>
    public override string ToString() => $"{Path} pr";
}

/// <summary>
/// <c>attrPath "[" valFilter "]"</c>, e.g. <c>emails[type eq "work" and value co "@example.com"]</c>: true when
/// at least one element of the multi-valued attribute matches <see cref="Filter"/>, whose paths are relative to
/// the element. Microsoft Entra's non-RFC form <c>emails[type eq "work"].value eq "x"</c> parses into the same
/// node with the trailing comparison joined by <c>and</c>: <c>emails[(type eq "work" and value eq "x")]</c>.
/// </summary>
public sealed record ValuePathFilter(AttributePath Path, FilterNode Filter) : FilterNode
{
    /// <summary>Canonical text, e.g. <c>emails[(type eq "work" and value co "@x")]</c>.</summary>
    public override string ToString() => $"{Path}[{Filter}]";
}
