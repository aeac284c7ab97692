using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Catalogue;
using Scim.Application.Common.Limits;
using Scim.Application.Common.Persistence;
using Scim.Domain;
using Scim.Domain.Organizations;
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
/// <param name="Row">The projection of one resource to its row: a page is read with it in one statement (a cursor page with the sort key).</param>
/// <param name="Tally">The type's figures in one of the organization's <see cref="OrganizationCount"/> rows: its count and its changes.</param>
/// <param name="RowId">The id of the resource a row was read from.</param>
internal sealed record ResourceListing<T, TRow>(
    ResourceTypeDefinition Type, AttributeCatalogue<T> Catalogue, Expression<Func<T, TRow>> Row, Func<OrganizationCount, (long Total, long Changes)> Tally,
    Func<TRow, Guid> RowId)
    where T : class, IScimResource;

/// <summary>
/// The one list path: filter, sort, and a page by index or by cursor, each a step of one specification. A page is read
/// segment by segment of the order (<see cref="SortSegment"/>), each segment by a range of one index.
/// </summary>
internal static class ResourcePage
{
    /// <summary>
    /// The page of <paramref name="resources"/> <paramref name="query"/> asks for: the filter compiled to SQL, the
    /// order of <c>sortBy</c> (or creation, then id), then either the <c>count</c> resources from <c>startIndex</c>
    /// with the total, or the <c>count</c> resources after the cursor's position with the next cursor.
    /// </summary>
    /// <returns>
    /// The page; 400 <c>invalidFilter</c>, <c>invalidValue</c> (sortBy), <c>invalidCursor</c> or <c>expiredCursor</c>;
    /// 503 (no <c>scimType</c>) when the page's statements ran longer than <paramref name="budget"/> (cancelled, or ended past it),
    /// or when a search or a costly filter (<see cref="Scim.Filtering.Ast.FilterCost.IsExpensive"/>) found no permit of
    /// the organization's <paramref name="expensive"/> work.
    /// </returns>
    public static async Task<Result<ResourcePage<TRow>>> LoadAsync<T, TRow>(
        IScimDbContext db, IQueryable<T> resources, ResourceListing<T, TRow> listing, ListQuery query, ListCursors cursors, CreationOrderMarks marks,
        ListQueryBudget budget, ExpensiveWork expensive, CancellationToken cancellationToken)
        where T : class, IScimResource
    {
        var compiled = FilterCompiler.Compile(query.Filter, listing.Catalogue.FilterMap, db, query.OtherTypesAttributesUnassigned ? [] : null);
        if (!compiled.IsSuccess)
        {
            return compiled.Error;
        }

        var sort = query.SortBy is null ? SortKeys.Default<T>() : SortKeys.Resolve(query.SortBy, listing.Catalogue, listing.Type);
        if (!sort.IsSuccess)
        {
            return sort.Error;
        }

        // Only now is the filter's cost known; a request found wrong above never waits for a permit.
        if ((query.Search || compiled.Value!.Cost.IsExpensive) && await expensive.EnterAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var predicate = compiled.Value!.Predicate;

        return await budget.RunAsync(
            token => query.ByCursor
                ? CursorPageAsync(resources, listing, query, predicate, sort.Value!, cursors, token)
                : IndexPageAsync(db, resources, listing, query, predicate, sort.Value!, marks, token),
            () => OverBudget(query, budget),
            cancellationToken);
    }

    private static ScimError OverBudget(ListQuery query, ListQueryBudget budget) => new(
        503,
        null,
        $"The {(query.Filter is null ? "list" : "filter")} was too expensive: the query ran longer than the server allows "
        + $"({budget.Limit.TotalSeconds:0.###} s) and was stopped. Narrow it: prefer 'eq' or 'sw' on userName, externalId, id or displayName "
        + "over 'co' and 'ew', use fewer 'or' clauses, and ask for smaller pages (count); then retry after the seconds in Retry-After.");

    private static async Task<Result<ResourcePage<TRow>>> IndexPageAsync<T, TRow>(
        IScimDbContext db, IQueryable<T> resources, ResourceListing<T, TRow> listing, ListQuery query, Expression<Func<T, bool>>? filter,
        SortKey<T> sort, CreationOrderMarks marks, CancellationToken cancellationToken)
        where T : class, IScimResource
    {
        // Without a filter the database's own count answers totalResults, and a deep page in creation order starts at
        // the nearest mark: neither counts nor skips the resources before the page.
        var tally = filter is null ? await TallyAsync(db, listing.Tally, cancellationToken) : null;
        var (after, skip) = tally is not null && sort.Name == SortKeys.CreationOrder && !query.Descending
            ? await marks.StartAsync(resources, sort, listing.Type.Name, tally, query.StartIndex - 1, cancellationToken)
            : (null, query.StartIndex - 1);

        // The page's rows, from the segment of the order it starts in (after the mark, which is in the creation order's
        // only segment) and, when that segment ends within the page, the next.
        var items = new List<TRow>();
        ResourcesPageSpec<T>? previous = null;
        foreach (var segment in sort.Segments(query.Descending))
        {
            if (items.Count == query.Count)
            {
                break;
            }

            if (previous is not null)
            {
                // The page started in the segment before, so goes on from this one's start; or it starts after that
                // segment, which then has to be counted to know how far into this one.
                skip = items.Count > 0 ? 0 : Math.Max(0, skip - await resources.WhereSpecification(previous).CountAsync(cancellationToken));
            }

            var spec = new ResourcesPageSpec<T>(filter, sort, segment, query.Descending, previous is null ? after : null, skip, take: query.Count - items.Count);
            items.AddRange(await ReadAsync(resources, listing, spec, cancellationToken));
            previous = spec;
        }

        // A first page that is not full already tells the total (Entra's lookups): no COUNT query needed.
        var total = query.StartIndex == 1 && items.Count < query.Count ? items.Count
            : filter is null ? (int)(tally?.Total ?? 0)
            : await resources.Where(filter).CountAsync(cancellationToken);
        return new ResourcePage<TRow>(items, total, null);
    }

    // How many resources a page must skip to be read by its ids first. Below it a page is one statement: the skipped
    // rows cost little, and on a small table PostgreSQL's planner may rightly sort the ids rather than walk the index.
    private const int SkipReadByIds = 1_000;

    // A page that skips many resources reads the ids of its rows first, then just those rows, put back in the ids'
    // order: PostgreSQL computes every selected column (the manager's displayName subquery included) of each row it
    // skips and fetches it from the table, where the ids alone come from the sort index (startIndex=500000 by userName
    // at 1,000,000 users: over 5 s, now ~60 ms). Two statements rather than a join, so that neither sorts: the ids'
    // statement is read in the index's order, the rows' has no order.
    private static async Task<List<TRow>> ReadAsync<T, TRow>(
        IQueryable<T> resources, ResourceListing<T, TRow> listing, ResourcesPageSpec<T> spec, CancellationToken cancellationToken)
        where T : class, IScimResource
    {
        var page = resources.WithSpecification(spec).AsNoTracking();
        if (spec.Skip < SkipReadByIds)
        {
            return await page.Select(listing.Row).ToListAsync(cancellationToken);
        }

        var ids = await page.Select(resource => resource.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await resources.Where(resource => ids.Contains(resource.Id)).AsNoTracking().Select(listing.Row).ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(listing.RowId);

        // A resource deleted between the two statements has no row and is left out of the page.
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    // The organization's count rows (one per slot) summed here: a compiled query of a few rows costs a fraction of EF
    // Core's translation and cache lookup of a grouped sum, which every unfiltered page of an index walk runs first.
    private static async Task<ResourceTally?> TallyAsync(IScimDbContext db, Func<OrganizationCount, (long Total, long Changes)> figures, CancellationToken cancellationToken)
    {
        ResourceTally? tally = null;
        await foreach (var row in CountRows(db.AsDbContext()).WithCancellation(cancellationToken))
        {
            var (total, changes) = figures(row);
            tally = new ResourceTally(row.OrganizationId, (tally?.Total ?? 0) + total, (tally?.Changes ?? 0) + changes);
        }

        return tally;
    }

    private static readonly Func<DbContext, IAsyncEnumerable<OrganizationCount>> CountRows =
        EF.CompileAsyncQuery((DbContext db) => db.Set<OrganizationCount>().AsNoTracking());

    private static async Task<Result<ResourcePage<TRow>>> CursorPageAsync<T, TRow>(
        IQueryable<T> resources, ResourceListing<T, TRow> listing, ListQuery query, Expression<Func<T, bool>>? filter,
        SortKey<T> sort, ListCursors cursors, CancellationToken cancellationToken)
        where T : class, IScimResource
    {
        var binding = ListCursors.Binding(listing.Type.Name, query, sort.Name);
        CursorPosition? after = null;
        if (query.Cursor is { Length: > 0 } cursor)
        {
            var position = cursors.Read(cursor, binding);
            if (!position.IsSuccess)
            {
                return position.Error;
            }

            after = position.Value;
        }

        // One resource more than the page tells whether another page follows, without counting: read from the position
        // in its segment of the order, and on into the next segment when this one ends first. Each row is read with its
        // sort value in the statement that chooses it, so a resource changed meanwhile never moves the cursor.
        var rows = new List<PositionedRow<TRow>>();
        var segments = sort.Segments(query.Descending);
        var first = after is null ? 0 : Array.IndexOf(segments, sort.SegmentOf(after));
        for (var i = first; i < segments.Length && rows.Count <= query.Count; i++)
        {
            var spec = new ResourcesPageSpec<T>(filter, sort, segments[i], query.Descending, i == first ? after : null, skip: 0, take: query.Count + 1 - rows.Count);
            rows.AddRange(await sort.ReadAsync(resources.WithSpecification(spec).AsNoTracking(), listing.Row, cancellationToken));
        }

        var more = rows.Count > query.Count;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new ResourcePage<TRow>([.. rows.Select(r => r.Row)], null, more ? cursors.Issue(binding, rows[^1].Position) : null);
    }
}
