using System.Linq.Expressions;
using System.Reflection;
using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>
/// A string attribute (RFC 7643 §2.3.1). <c>co</c> and <c>ew</c> become <see cref="string.Contains(string)"/> and
/// <see cref="string.EndsWith(string)"/>, which EF Core translates with the value as a parameter and LIKE wildcards
/// escaped (on PostgreSQL <c>LIKE '%…%'</c> and <c>LIKE '%…'</c>, which trigram indexes serve). <c>sw</c> is the range
/// of strings that start with the value (<c>col &gt;= @prefix AND col &lt; @next</c>), which a B-tree index serves on
/// every provider, also in a prepared statement's generic plan where PostgreSQL cannot derive a range from
/// <c>LIKE @pattern</c>, and which is exact where SQLite's LIKE ignores ASCII case. <c>gt</c>, <c>ge</c>, <c>lt</c>,
/// <c>le</c> and that range compare lexicographically with <see cref="string.Compare(string, string)"/>: the database
/// collation decides the order, which must be code point order (SQLite's BINARY, the PostgreSQL model's C collate).
/// For case-exact attributes, <c>ew</c> also compares the matching substring exactly, because LIKE ignores ASCII case
/// on SQLite.
/// When <c>caseExact</c> is false both sides are lower-cased: the literal with <see cref="string.ToLowerInvariant"/>,
/// and the column either by reading the stored lower-case column, which keeps indexes usable, or with
/// <c>ToLower()</c> (SQL <c>lower()</c>, which the providers make fold Unicode letters as .NET does).
/// A binary attribute (base64 text) is a case-exact string without the ordering operators (<paramref name="ordered"/>
/// false), which RFC 7644 §3.4.2.2 refuses for it.
/// </summary>
internal sealed class StringAttributeMapping(
    string path, LambdaExpression column, bool caseExact, LambdaExpression? normalized, bool ordered = true, bool alwaysPresent = false)
    : ScalarAttributeMapping(path, column)
{
    private static readonly MethodInfo ContainsMethod = StringMethod(nameof(string.Contains));
    private static readonly MethodInfo EndsWithMethod = StringMethod(nameof(string.EndsWith));
    private static readonly MethodInfo SubstringMethod = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo CompareMethod = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary><c>pr</c>: not null and not the empty string (RFC 7644 §3.4.2.2); true for an attribute every resource has.</summary>
    public override Expression Present(Expression instance)
    {
        if (alwaysPresent)
        {
            return Expression.Constant(true);
        }

        var value = Column(instance);
        return WhenNotNull(value, Expression.NotEqual(value, Expression.Constant(string.Empty)));
    }

    /// <inheritdoc />
    protected override Expression CompareValue(Expression instance, ComparisonOperator op, Literal value)
    {
        if (value.Value is not string text)
        {
            throw ValueTypeMismatch(value, ordered ? "string" : "binary", "a JSON string");
        }

        if (!ordered && op is ComparisonOperator.Gt or ComparisonOperator.Ge or ComparisonOperator.Lt or ComparisonOperator.Le)
        {
            throw OperatorNotAllowed(op, "binary", "eq, ne, co, sw, ew or pr");
        }

        var column = Column(instance);
        if (column is ConstantExpression { Value: string constant })
        {
            // A value every resource of the type shares (meta.resourceType), so the comparison needs no row.
            return Expression.Constant(OrdinalText.Holds(constant, op, text, caseExact));
        }

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
            ComparisonOperator.Sw => StartsWith(target, operand),
            ComparisonOperator.Ew => ExactWhenCaseExact(Expression.Call(target, EndsWithMethod, parameter), target, EndOffset(target, parameter), parameter),
            ComparisonOperator.Eq => Expression.Equal(target, parameter),
            _ => Ordered(op, target, parameter),
        };

        return WhenNotNull(guarded, comparison);
    }

    /// <summary>
    /// <c>target &gt;= prefix AND target &lt; next</c>, where <c>next</c> is the least string after every string that
    /// starts with <paramref name="prefix"/>; only the lower bound when there is no such string.
    /// </summary>
    private static Expression StartsWith(Expression target, string prefix)
    {
        var from = Ordered(ComparisonOperator.Ge, target, QueryParameter.Create(prefix, typeof(string)));
        return PrefixRange.Next(prefix) is { } next
            ? Expression.AndAlso(from, Ordered(ComparisonOperator.Lt, target, QueryParameter.Create(next, typeof(string))))
            : from;
    }

    private static Expression Ordered(ComparisonOperator op, Expression target, Expression parameter) =>
        Binary(op, Expression.Call(CompareMethod, target, parameter), Expression.Constant(0));

    /// <summary>
    /// EndsWith becomes LIKE, which ignores ASCII case on SQLite; for case-exact attributes the LIKE (which a trigram
    /// index can serve) is followed by an exact comparison of the matching substring.
    /// </summary>
    private Expression ExactWhenCaseExact(Expression like, Expression target, Expression start, Expression parameter) =>
        caseExact
            ? Expression.AndAlso(like, Expression.Equal(Expression.Call(target, SubstringMethod, start, Length(parameter)), parameter))
            : like;

    private static BinaryExpression EndOffset(Expression target, Expression parameter) => Expression.Subtract(Length(target), Length(parameter));

    private static MemberExpression Length(Expression text) => Expression.Property(text, nameof(string.Length));

    private static MethodInfo StringMethod(string name) => typeof(string).GetMethod(name, [typeof(string)])!;
}
