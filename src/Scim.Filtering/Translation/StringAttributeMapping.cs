using System.Linq.Expressions;
using System.Reflection;
using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>
/// A string attribute (RFC 7643 §2.3.1). <c>co</c>, <c>sw</c> and <c>ew</c> become <see cref="string.Contains(string)"/>,
/// <see cref="string.StartsWith(string)"/> and <see cref="string.EndsWith(string)"/>, which EF Core translates with
/// the value as a parameter and LIKE wildcards escaped; <c>gt</c>, <c>ge</c>, <c>lt</c>, <c>le</c> compare
/// lexicographically with <see cref="string.Compare(string, string)"/> (the database collation decides the order).
/// For case-exact attributes, <c>sw</c> and <c>ew</c> also compare the matching substring exactly, because LIKE
/// ignores ASCII case on SQLite.
/// When <c>caseExact</c> is false both sides are lower-cased: the literal with <see cref="string.ToLowerInvariant"/>,
/// and the column either by reading the stored lower-case column, which keeps indexes usable, or with
/// <c>ToLower()</c> (SQL <c>lower()</c>, which on SQLite folds ASCII letters only).
/// </summary>
internal sealed class StringAttributeMapping(string path, LambdaExpression column, bool caseExact, LambdaExpression? normalized)
    : ScalarAttributeMapping(path, column)
{
    private static readonly MethodInfo ContainsMethod = StringMethod(nameof(string.Contains));
    private static readonly MethodInfo StartsWithMethod = StringMethod(nameof(string.StartsWith));
    private static readonly MethodInfo EndsWithMethod = StringMethod(nameof(string.EndsWith));
    private static readonly MethodInfo SubstringMethod = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo CompareMethod = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary><c>pr</c>: not null and not the empty string (RFC 7644 §3.4.2.2).</summary>
    public override Expression Present(Expression instance)
    {
        var value = Column(instance);
        return WhenNotNull(value, Expression.NotEqual(value, Expression.Constant(string.Empty)));
    }

    /// <inheritdoc />
    protected override Expression CompareValue(Expression instance, ComparisonOperator op, Literal value)
    {
        if (value.Value is not string text)
        {
            throw ValueTypeMismatch(value, "string", "a JSON string");
        }

        var column = Column(instance);
        var (guarded, target, operand) = (caseExact, normalized) switch
        {
            (true, _) => (column, column, text),
            (false, { } lowerColumn) => (ParameterRebinder.Rebind(lowerColumn, instance), null, text.ToLowerInvariant()),
            (false, null) => (column, Expression.Call(column, ToLowerMethod), text.ToLowerInvariant()),
        };
        target ??= guarded;
        var parameter = QueryParameter.Create(operand, typeof(string));
        var comparison = op switch
        {
            ComparisonOperator.Co => Expression.Call(target, ContainsMethod, parameter),
            ComparisonOperator.Sw => ExactWhenCaseExact(Expression.Call(target, StartsWithMethod, parameter), target, Expression.Constant(0), parameter),
            ComparisonOperator.Ew => ExactWhenCaseExact(Expression.Call(target, EndsWithMethod, parameter), target, EndOffset(target, parameter), parameter),
            ComparisonOperator.Eq => Expression.Equal(target, parameter),
            _ => Binary(op, Expression.Call(CompareMethod, target, parameter), Expression.Constant(0)),
        };

        return WhenNotNull(guarded, comparison);
    }

    /// <summary>
    /// StartsWith and EndsWith become LIKE, which ignores ASCII case on SQLite; for case-exact attributes the LIKE
    /// (which can use an index for prefixes) is followed by an exact comparison of the matching substring.
    /// </summary>
    private Expression ExactWhenCaseExact(Expression like, Expression target, Expression start, Expression parameter) =>
        caseExact
            ? Expression.AndAlso(like, Expression.Equal(Expression.Call(target, SubstringMethod, start, Length(parameter)), parameter))
            : like;

    private static BinaryExpression EndOffset(Expression target, Expression parameter) => Expression.Subtract(Length(target), Length(parameter));

    private static MemberExpression Length(Expression text) => Expression.Property(text, nameof(string.Length));

    private static MethodInfo StringMethod(string name) => typeof(string).GetMethod(name, [typeof(string)])!;
}
