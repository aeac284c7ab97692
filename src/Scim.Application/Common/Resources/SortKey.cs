using System.Linq.Expressions;
using System.Reflection;
using Ardalis.Specification;
using Scim.Domain;

namespace Scim.Application.Common.Resources;

/// <summary>
/// The order of a list (RFC 7644 §3.4.2.3): by a sort key — an attribute's column, its lower-invariant copy for a
/// case-insensitive attribute — with resources that have no value last when ascending and first when descending,
/// then by <c>id</c>, so the order is total and pages never overlap or skip. Descending is the exact reverse of
/// ascending. It also builds the keyset condition "after this position" that a cursor page starts with (RFC 9865).
/// </summary>
/// <typeparam name="T">The resource entity.</typeparam>
internal abstract class SortKey<T>
    where T : class, IScimResource
{
    /// <summary>The attribute path the order is by, as the catalogue names it; what a cursor is bound to.</summary>
    public abstract string Name { get; }

    /// <summary>Adds the order to a specification: the missing-value term (when values may be missing), the key, then <c>id</c>.</summary>
    public abstract void ApplyTo(ISpecificationBuilder<T> query, bool descending);

    /// <summary>The resources after <paramref name="position"/> in the order (ascending or <paramref name="descending"/>).</summary>
    public abstract Expression<Func<T, bool>> After(CursorPosition position, bool descending);

    /// <summary>
    /// The rows of <paramref name="page"/>'s resources (by <paramref name="row"/>), each with its position (sort value
    /// and id), in one statement and in the page's order.
    /// </summary>
    public abstract Task<List<PositionedRow<TRow>>> ReadAsync<TRow>(IQueryable<T> page, Expression<Func<T, TRow>> row, CancellationToken cancellationToken);
}

/// <summary>A row of a cursor page and where it stands in the order.</summary>
internal sealed record PositionedRow<TRow>(TRow Row, CursorPosition Position);

/// <summary>Where a cursor page starts: after the resource with this key value and id.</summary>
/// <param name="Key">The sort key value of the last resource of the page before: a string, a <see cref="DateTime"/> (UTC), or null.</param>
/// <param name="Id">That resource's id.</param>
internal sealed record CursorPosition(object? Key, Guid Id);

/// <summary>A sort key of CLR type <typeparamref name="TKey"/> (string or <see cref="DateTime"/>).</summary>
internal sealed class SortKey<T, TKey> : SortKey<T>
    where T : class, IScimResource
{
    private static readonly MethodInfo CompareStrings = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo CompareGuids = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;
    private static readonly ConstantExpression Zero = Expression.Constant(0);

    private readonly Expression<Func<T, TKey>> key;
    private readonly bool nullable;

    /// <param name="name">The attribute path.</param>
    /// <param name="key">The sort key column or expression.</param>
    /// <param name="nullable">Whether a resource may have no value (so the null ordering term is needed).</param>
    public SortKey(string name, Expression<Func<T, TKey>> key, bool nullable)
    {
        Name = name;
        this.key = key;
        this.nullable = nullable;
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override void ApplyTo(ISpecificationBuilder<T> query, bool descending)
    {
        var terms = new List<Expression<Func<T, object?>>>();
        if (nullable)
        {
            terms.Add(Boxed(Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey)))));
        }

        terms.Add(Boxed(key.Body));
        terms.Add(Boxed(Expression.Property(key.Parameters[0], nameof(IScimResource.Id))));
        var ordered = descending ? query.OrderByDescending(terms[0]) : query.OrderBy(terms[0]);
        foreach (var term in terms.Skip(1))
        {
            ordered = descending ? ordered.ThenByDescending(term) : ordered.ThenBy(term);
        }
    }

    /// <inheritdoc />
    public override Expression<Func<T, bool>> After(CursorPosition position, bool descending)
    {
        var value = key.Body;
        var id = Expression.Property(key.Parameters[0], nameof(IScimResource.Id));

        // Ascending with missing values last: (value, id) > (k, id0), where no value is greater than every value.
        var idAfter = Beyond(Expression.Call(id, CompareGuids, Parameter(position.Id)), Zero, orEqual: false, descending);
        Expression condition;
        if (position.Key is null)
        {
            var missing = Expression.Equal(value, Expression.Constant(null, typeof(TKey)));
            condition = descending
                ? Expression.OrElse(Expression.Not(missing), Expression.AndAlso(missing, idAfter))
                : Expression.AndAlso(missing, idAfter);
        }
        else
        {
            // Strings compare through string.Compare, as EF Core translates it to the database's own comparison.
            var k = Parameter((TKey)position.Key);
            var (left, right) = typeof(TKey) == typeof(string) ? (Expression.Call(CompareStrings, value, k), Zero) : (value, (Expression)k);

            // The redundant "from k on" term is what lets PostgreSQL (and SQLite) start an index scan at the position
            // instead of filtering every resource before it.
            var fromK = Beyond(left, right, orEqual: true, descending);
            var valueAfter = Beyond(left, right, orEqual: false, descending);
            condition = Expression.AndAlso(fromK, Expression.OrElse(valueAfter, Expression.AndAlso(Expression.Equal(value, k), idAfter)));
            if (nullable)
            {
                var present = Expression.NotEqual(value, Expression.Constant(null, typeof(TKey)));
                condition = descending
                    ? Expression.AndAlso(present, condition)
                    : Expression.OrElse(Expression.AndAlso(present, condition), Expression.Not(present));
            }
        }

        return Lambda<bool>(condition);
    }

    /// <inheritdoc />
    public override async Task<List<PositionedRow<TRow>>> ReadAsync<TRow>(
        IQueryable<T> page, Expression<Func<T, TRow>> row, CancellationToken cancellationToken)
    {
        var parameter = key.Parameters[0];
        var body = new ParameterReplacer(row.Parameters[0], parameter).Visit(row.Body);
        var id = Expression.Property(parameter, nameof(IScimResource.Id));
        var constructor = typeof(KeyedRow<TRow>).GetConstructors()[0];
        var keyed = Lambda<KeyedRow<TRow>>(Expression.New(constructor, body, id, key.Body));
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(page.Select(keyed), cancellationToken);
        return [.. rows.Select(r => new PositionedRow<TRow>(r.Row, new CursorPosition(r.Key, r.Id)))];
    }

    private Expression<Func<T, TResult>> Lambda<TResult>(Expression body) => Expression.Lambda<Func<T, TResult>>(body, key.Parameters[0]);

    // Specifications order by object-typed selectors; EF Core drops the conversion when it writes ORDER BY.
    private Expression<Func<T, object?>> Boxed(Expression body) => Lambda<object?>(Expression.Convert(body, typeof(object)));

    // A constant the query sends as a parameter, as a captured variable would be.
    private static MemberExpression Parameter<TValue>(TValue value)
    {
        var holder = new Holder<TValue>(value);
        return Expression.Property(Expression.Constant(holder), nameof(Holder<TValue>.Value));
    }

    // left > right (>= with orEqual), or < (<=) when descending: after a position in the order.
    private static BinaryExpression Beyond(Expression left, Expression right, bool orEqual, bool descending) => (descending, orEqual) switch
    {
        (false, false) => Expression.GreaterThan(left, right),
        (false, true) => Expression.GreaterThanOrEqual(left, right),
        (true, false) => Expression.LessThan(left, right),
        (true, true) => Expression.LessThanOrEqual(left, right),
    };

    private sealed record Holder<TValue>(TValue Value);

    // What the page's statement reads of each resource when paging by cursor.
    private sealed record KeyedRow<TRow>(TRow Row, Guid Id, TKey Key);

    // Rebinds the row projection to the sort key's parameter, so both read the same resource in one lambda.
    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
