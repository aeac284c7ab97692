using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain;
using Scim.Filtering.Translation;
using Scim.Protocol;

namespace Scim.Application.Common.Resources;

/// <summary>A page of resources, as the rows read for them, and the number of all matches (<c>totalResults</c>, RFC 7644 §3.4.2.4).</summary>
/// <param name="Items">The page, in list order.</param>
/// <param name="TotalResults">How many resources match the filter in all.</param>
internal sealed record ResourcePage<TRow>(IReadOnlyList<TRow> Items, int TotalResults);

/// <summary>Runs a list or search: the filter compiled to SQL, one page, and the total.</summary>
internal static class ResourcePage
{
    /// <summary>
    /// The page of <paramref name="resources"/> matching <paramref name="filter"/>, read by <paramref name="load"/> from
    /// the filtered, ordered and paged query (one statement, projecting each resource to its row); 400 invalidFilter
    /// when the filter does not parse or names an unknown attribute.
    /// </summary>
    public static async Task<Result<ResourcePage<TRow>>> LoadAsync<T, TRow>(
        IScimDbContext db, IQueryable<T> resources, Func<IQueryable<T>, CancellationToken, Task<List<TRow>>> load,
        string? filter, FilterAttributeMap<T> map, ListParameters paging, CancellationToken cancellationToken)
        where T : class, IScimResource
    {
        var predicate = FilterCompiler.Compile(filter, map, db);
        if (!predicate.IsSuccess)
        {
            return predicate.Error;
        }

        var spec = new ResourcesPageSpec<T>(predicate.Value, paging);
        var items = paging.Count == 0
            ? []
            : await load(resources.WithSpecification(spec), cancellationToken);

        // A first page that is not full already tells the total (Entra's lookups): no COUNT query needed.
        var total = paging.StartIndex == 1 && items.Count < paging.Count
            ? items.Count
            : await resources.WhereSpecification(spec).CountAsync(cancellationToken);
        return new ResourcePage<TRow>(items, total);
    }
}
