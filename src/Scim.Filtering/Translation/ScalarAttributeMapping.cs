using System.Linq.Expressions;
using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>
/// A single-valued attribute stored in one column. Gives every type the same rules: <c>pr</c> is "not null",
/// <c>ne</c> is the negation of <c>eq</c> (so rows where the column is null match <c>ne</c>), and every other
/// comparison is false when the column is null, written explicitly so that negating it with <c>not</c> stays
/// correct under SQL's three-valued logic.
/// </summary>
/// <param name="path">The registered path.</param>
/// <param name="column">The column lambda, <c>T =&gt; TColumn</c>.</param>
internal abstract class ScalarAttributeMapping(string path, LambdaExpression column) : AttributeMapping(path)
{
    /// <summary>The column read for <paramref name="instance"/>.</summary>
    protected Expression Column(Expression instance) => ParameterRebinder.Rebind(column, instance);

    /// <summary><c>attr pr</c>.</summary>
    public virtual Expression Present(Expression instance) => (Expression?)NotNull(Column(instance)) ?? Expression.Constant(true);

    /// <summary><c>attr op value</c> for a non-null <paramref name="value"/> (the builder turns <c>eq null</c> into "not present").</summary>
    public Expression Compare(Expression instance, ComparisonOperator op, Literal value) =>
        op == ComparisonOperator.Ne
            ? Expression.Not(CompareValue(instance, ComparisonOperator.Eq, value))
            : CompareValue(instance, op, value);

    /// <summary>Any operator but <c>ne</c>; the result must be false where the column is null (see <see cref="WhenNotNull"/>).</summary>
    protected abstract Expression CompareValue(Expression instance, ComparisonOperator op, Literal value);

    /// <summary><paramref name="comparison"/>, guarded by "<paramref name="guarded"/> is not null" when the column type allows null.</summary>
    protected static Expression WhenNotNull(Expression guarded, Expression comparison) =>
        NotNull(guarded) is { } notNull ? Expression.AndAlso(notNull, comparison) : comparison;

    /// <summary>The binary comparison for an ordering or equality operator.</summary>
    protected static Expression Binary(ComparisonOperator op, Expression left, Expression right) => op switch
    {
        ComparisonOperator.Eq => Expression.Equal(left, right),
        ComparisonOperator.Gt => Expression.GreaterThan(left, right),
        ComparisonOperator.Ge => Expression.GreaterThanOrEqual(left, right),
        ComparisonOperator.Lt => Expression.LessThan(left, right),
        ComparisonOperator.Le => Expression.LessThanOrEqual(left, right),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Only eq, gt, ge, lt and le are binary comparisons."),
    };

    private static BinaryExpression? NotNull(Expression value) =>
        !value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null
            ? Expression.NotEqual(value, Expression.Constant(null, value.Type))
            : null;
}
