using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>
/// A string comparison decided when the filter is compiled, because one side is a value the server knows (a schema
/// URN, a resource type's name): with the semantics the database gives the others, by code point (ordinal, which for
/// the ASCII values the server knows is code point order) and, when not case exact, on lower-invariant text. .NET's own
/// <see cref="string.Compare(string, string)"/> and <see cref="string.EndsWith(string)"/> compare by culture, so such
/// comparisons must not be left to EF Core, which evaluates what needs no row on the client.
/// </summary>
internal static class OrdinalText
{
    /// <summary>Whether <c>value op operand</c> holds; <c>ne</c> is the negation of <c>eq</c>.</summary>
    public static bool Holds(string value, ComparisonOperator op, string operand, bool caseExact)
    {
        if (!caseExact)
        {
            (value, operand) = (value.ToLowerInvariant(), operand.ToLowerInvariant());
        }

        return op switch
        {
            ComparisonOperator.Eq => value == operand,
            ComparisonOperator.Ne => value != operand,
            ComparisonOperator.Co => value.Contains(operand, StringComparison.Ordinal),
            ComparisonOperator.Sw => value.StartsWith(operand, StringComparison.Ordinal),
            ComparisonOperator.Ew => value.EndsWith(operand, StringComparison.Ordinal),
            ComparisonOperator.Gt => string.CompareOrdinal(value, operand) > 0,
            ComparisonOperator.Ge => string.CompareOrdinal(value, operand) >= 0,
            ComparisonOperator.Lt => string.CompareOrdinal(value, operand) < 0,
            ComparisonOperator.Le => string.CompareOrdinal(value, operand) <= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a comparison operator."),
        };
    }
}
