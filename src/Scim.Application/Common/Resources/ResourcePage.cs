using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Catalogue;
using Scim.Application.Common.Persistence;
using Scim.Domain;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Common.Resources;

/// <summary>A page of resources, as the rows read for them.</summary>
/// <param name="Items">The page, in list order.</param>
/// <param name="TotalResults">How many resources match the filter in all (RFC 7644 §3.4.2.4); null on a cursor page, whose walk never counts.</param>
/// <param name="NextCursor">The cursor of the next page (RFC 9865 §2.2) when paging by cursor and more resources follow; otherwise null.</param>
internal sealed record ResourcePage<TRow>(IReadOnlyList<TRow> Items, int? TotalResults, string? NextCursor);

/// <summary>What a list of one resource type needs: its schemas and catalogue, and how its rows are read.</summary>
/// <param name="Type">The resource type.</param>
/// <param name="Catalogue">Its attribute catalogue: what filters and <c>sortBy</c> may name.</param>
/// <param name="Load">Reads the rows of a query's resources, in the query's order (one statement).</param>
/// <param name="IdOf">A row's resource id.</param>
internal sealed record ResourceListing<T, TRow>(
    ResourceTypeDefinition Type, AttributeCatalogue<T> Catalogue, Func<IQueryable<T>, CancellationToken, Task<List<TRow>>> Load, Func<TRow, Guid> IdOf)
    where T : class, IScimResource;

/// <summary>The one list path: filter, sort, and a page by index or by cursor, each a step of one specification.</summary>
internal static class ResourcePage
{
    /// <summary>
    /// The page of <paramref name="resources"/> <paramref name="query"/> asks for: the filter compiled to SQL, the
    /// order of <c>sortBy</c> (or creation, then id), then either the <c>count</c> resources from <c>startIndex</c>
    /// with the total, or the <c>count</c> resources after the cursor's position with the next cursor.
    /// </summary>
    /// <returns>The page; 400 <c>invalidFilter</c>, <c>invalidValue</c> (sortBy), <c>invalidCursor</c> or <c>expiredCursor</c>.</returns>
    public static async Task<Result<ResourcePage<TRow>>> LoadAsync<T, TRow>(
        IScimDbContext db, IQueryable<T> resources, ResourceListing<T, TRow> listing, ListQuery query, ListCursors cursors, CancellationToken cancellationToken)
        where T : class, IScimResource
    {
        var predicate = FilterCompiler.Compile(query.Filter, listing.Catalogue.FilterMap, db);
        if (!predicate.IsSuccess)
        {
            return predicate.Error;
        }

        var sort = query.SortBy is null ? SortKeys.Default<T>() : SortKeys.Resolve(query.SortBy, listing.Catalogue, listing.Type);
        if (!sort.IsSuccess)
        {
            return sort.Error;
        }

        return query.ByCursor
            ? await CursorPageAsync(resources, listing, query, predicate.Value, sort.Value!, cursors, cancellationToken)
            : await IndexPageAsync(resources, listing, query, predicate.Value, sort.Value!, cancellationToken);
    }

    private static async Task<Result<ResourcePage<TRow>>> IndexPageAsync<T, TRow>(
        IQueryable<T> resources, ResourceListing<T, TRow> listing, ListQuery query, System.Linq.Expressions.Expression<Func<T, bool>>? filter,
        SortKey<T> sort, CancellationToken cancellationToken)
        where T : class, IScimResource
    {
        var spec = new ResourcesPageSpec<T>(filter, sort, query.Descending, after: null, skip: query.StartIndex - 1, take: query.Count);
        var items = query.Count == 0 ? [] : await listing.Load(resources.WithSpecification(spec), cancellationToken);

        // A first page that is not full already tells the total (Entra's lookups): no COUNT query needed.
        var total = query.StartIndex == 1 && items.Count < query.Count
            ? items.Count
            : await resources.WhereSpecification(spec).CountAsync(cancellationToken);
        return new ResourcePage<TRow>(items, total, null);
    }

    private static async Task<Result<ResourcePage<TRow>>> CursorPageAsync<T, TRow>(
        IQueryable<T> resources, ResourceListing<T, TRow> listing, ListQuery query, System.Linq.Expressions.Expression<Func<T, bool>>? filter,
        SortKey<T> sort, ListCursors cursors, CancellationToken cancellationToken)
        where T : class, IScimResource
    {
        var binding = ListCursors.Binding(listing.Type.Name, query, sort.Name);
        System.Linq.Expressions.Expression<Func<T, bool>>? after = null;
        if (query.Cursor is { Length: > 0 } cursor)
        {
            var position = cursors.Read(cursor, binding);
            if (!position.IsSuccess)
            {
                return position.Error;
            }

            after = sort.After(position.Value!, query.Descending);
        }

        // One resource more than the page tells whether another page follows, without counting. The positions are
        // read first, in one statement, and the rows by id: a resource changed or deleted in between moves no cursor.
        var spec = new ResourcesPageSpec<T>(filter, sort, query.Descending, after, skip: 0, take: query.Count + 1);
        var positions = await sort.PositionsAsync(resources.WithSpecification(spec), cancellationToken);
        var more = positions.Count > query.Count;
        if (more)
        {
            positions.RemoveAt(positions.Count - 1);
        }

        var ids = positions.Select(p => p.Id).ToList();
        var rows = ids.Count == 0 ? [] : await listing.Load(resources.Where(r => ids.Contains(r.Id)), cancellationToken);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var items = rows.OrderBy(r => order[listing.IdOf(r)]).ToList();
        return new ResourcePage<TRow>(items, null, more ? cursors.Issue(binding, positions[^1]) : null);
    }
}
