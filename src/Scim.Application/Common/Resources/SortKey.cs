using System.Linq.Expressions;
using System.Reflection;
using Ardalis.Specification;
using Scim.Domain;

namespace Scim.Application.Common.Resources;

/// <summary>
/// The order of a list (RFC 7644 §3.4.2.3): by a sort key — an attribute's column, its lower-invariant copy for a
/// case-insensitive attribute — with resources that have no value last when ascending and first when descending,
/// then by <c>id</c> (unless the key is unique), so the order is total and pages never overlap or skip. Descending is
/// the exact reverse of ascending. The order is read in <see cref="SortSegment"/>s, each of which an index on
/// (organization, key, id) reads in order from any position; a single <c>ORDER BY key IS NULL, key, id</c> would be the
/// same order, but no index serves it, so every page would sort every matching resource. It also builds the keyset
/// condition "after this position" that a cursor page starts with (RFC 9865).
/// </summary>
/// <typeparam name="T">The resource entity.</typeparam>
internal abstract class SortKey<T>
    where T : class, IScimResource
{
    /// <summary>The attribute path the order is by, as the catalogue names it; what a cursor is bound to.</summary>
    public abstract string Name { get; }

    /// <summary>The segments of the order (ascending or <paramref name="descending"/>), in the order they are read.</summary>
    public abstract SortSegment[] Segments(bool descending);

    /// <summary>The segment <paramref name="position"/> is in.</summary>
    public abstract SortSegment SegmentOf(CursorPosition position);

    /// <summary>
    /// Narrows a specification to <paramref name="segment"/> and orders it by the key, then <c>id</c> unless the key is
    /// unique (ascending or <paramref name="descending"/>).
    /// </summary>
    public abstract void ApplyTo(ISpecificationBuilder<T> query, SortSegment segment, bool descending);

    /// <summary>The resources after <paramref name="position"/> in its segment of the order (ascending or <paramref name="descending"/>).</summary>
    public abstract Expression<Func<T, bool>> After(CursorPosition position, bool descending);

    /// <summary>
    /// The rows of <paramref name="page"/>'s resources (by <paramref name="row"/>), each with its position (sort value
    /// and id), in one statement and in the page's order.
    /// </summary>
    public abstract Task<List<PositionedRow<TRow>>> ReadAsync<TRow>(IQueryable<T> page, Expression<Func<T, TRow>> row, CancellationToken cancellationToken);
}

/// <summary>
/// A run of a list's order that one range of an index on (organization, key, id) holds in order: every resource, for
/// a key every resource has; otherwise the resources with a value (ordered by value, then id), and those without
/// (ordered by id), which follow them ascending and precede them descending.
/// </summary>
internal enum SortSegment
{
    /// <summary>Every resource: the key is one every resource has.</summary>
    All,

    /// <summary>The resources that have a value of the key.</summary>
    Present,

    /// <summary>The resources that have none.</summary>
    Missing,
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
    private readonly bool unique;

    /// <param name="name">The attribute path.</param>
    /// <param name="key">The sort key column or expression.</param>
    /// <param name="nullable">Whether a resource may have no value (so the order has a segment of those without).</param>
    /// <param name="unique">
    /// Whether no two resources of an organization have the same value of the key (a unique index on the organization and
    /// the key holds it): then the key alone orders the resources that have one, so that index serves the order, which
    /// it could not with <c>id</c> after the key (PostgreSQL would sort each page again).
    /// </param>
    public SortKey(string name, Expression<Func<T, TKey>> key, bool nullable, bool unique = false)
    {
        Name = name;
        this.key = key;
        this.nullable = nullable;
        this.unique = unique;
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override SortSegment[] Segments(bool descending) =>
        !nullable ? [SortSegment.All] : descending ? [SortSegment.Missing, SortSegment.Present] : [SortSegment.Present, SortSegment.Missing];

    /// <inheritdoc />
    public override SortSegment SegmentOf(CursorPosition position) =>
        !nullable ? SortSegment.All : position.Key is null ? SortSegment.Missing : SortSegment.Present;

    /// <inheritdoc />
    public override void ApplyTo(ISpecificationBuilder<T> query, SortSegment segment, bool descending)
    {
        if (segment != SortSegment.All)
        {
            var missing = Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey)));
            query.Where(Lambda<bool>(segment == SortSegment.Missing ? missing : Expression.Not(missing)));
        }

        // The missing segment orders by the key too, though it is null throughout: so both segments ask for the order of
        // the (organization, key, id) index, which PostgreSQL would otherwise not see serves "ORDER BY id" there.
        var value = Boxed(key.Body);
        var ordered = descending ? query.OrderByDescending(value) : query.OrderBy(value);
        if (!unique || segment == SortSegment.Missing)
        {
            var id = Boxed(Expression.Property(key.Parameters[0], nameof(IScimResource.Id)));
            if (descending)
            {
                ordered.ThenByDescending(id);
            }
            else
            {
                ordered.ThenBy(id);
            }
        }
    }

    /// <inheritdoc />
    public override Expression<Func<T, bool>> After(CursorPosition position, bool descending)
    {
        var value = key.Body;
        var id = Expression.Property(key.Parameters[0], nameof(IScimResource.Id));

        // (value, id) > (k, id0) in the order; in the segment of the resources without a value, the id alone.
        var idAfter = Beyond(Expression.Call(id, CompareGuids, Parameter(position.Id)), Zero, orEqual: false, descending);
        if (position.Key is null)
        {
            return Lambda<bool>(idAfter);
        }

        // Strings compare through string.Compare, as EF Core translates it to the database's own comparison.
        var k = Parameter((TKey)position.Key);
        var (left, right) = typeof(TKey) == typeof(string) ? (Expression.Call(CompareStrings, value, k), Zero) : (value, (Expression)k);

        // The redundant "from k on" term is what lets PostgreSQL (and SQLite) start an index scan at the position
        // instead of filtering every resource before it.
        var fromK = Beyond(left, right, orEqual: true, descending);
        var valueAfter = Beyond(left, right, orEqual: false, descending);
        return unique
            ? Lambda<bool>(valueAfter)
            : Lambda<bool>(Expression.AndAlso(fromK, Expression.OrElse(valueAfter, Expression.AndAlso(Expression.Equal(value, k), idAfter))));
    }

    /// <inheritdoc />
    public override async Task<List<PositionedRow<TRow>>> ReadAsync<TRow>(
        IQueryable<T> page, Expression<Func<T, TRow>> row, CancellationToken cancellationToken)
    {
        // The row projection rebound to the sort key's parameter, so both read the same resource in one lambda.
        var parameter = key.Parameters[0];
        var body = Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(row.Parameters[0], parameter, row.Body);
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
}
