using System.Linq.Expressions;
using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>
/// <c>schemas</c> (RFC 7643 §3): a multi-valued string whose values are schema URNs known to the server, each carried
/// by the resources where its condition holds (always, for the core schema). A comparison is decided for each URN when
/// the filter is compiled (<see cref="OrdinalText"/>); what reaches SQL is the disjunction of the conditions of the URNs
/// that satisfy it. URNs compare case-insensitively (lower-invariant, then by code point, as other case-insensitive
/// strings do).
/// </summary>
/// <param name="path">The registered path, <c>schemas</c>.</param>
/// <param name="values">Each URN with when a resource carries it; null for always.</param>
internal sealed class SchemasAttributeMapping(string path, IReadOnlyList<(string Uri, LambdaExpression? When)> values) : AttributeMapping(path)
{
    /// <summary><c>schemas pr</c>: every resource has its core schema URN.</summary>
    public static Expression Present() => Expression.Constant(true);

    /// <summary><c>schemas op value</c>: some URN of the resource satisfies it (for <c>ne</c>: some URN differs).</summary>
    public Expression Compare(Expression instance, ComparisonOperator op, Literal value)
    {
        if (value.Value is not string text)
        {
            throw ValueTypeMismatch(value, "string", "a JSON string");
        }

        return values
            .Where(v => OrdinalText.Holds(v.Uri, op, text, caseExact: false))
            .Select(v => v.When is null ? Expression.Constant(true) : ParameterRebinder.Rebind(v.When, instance))
            .Aggregate((Expression)Expression.Constant(false), Expression.OrElse);
    }
}
