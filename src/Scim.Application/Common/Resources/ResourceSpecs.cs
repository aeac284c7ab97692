using System.Linq.Expressions;
using Ardalis.Specification;
using Scim.Domain;

namespace Scim.Application.Common.Resources;

/// <summary>One resource by SCIM id.</summary>
internal sealed class ResourceByIdSpec<T> : Specification<T>
    where T : class, IScimResource
{
    public ResourceByIdSpec(Guid id) => Query.Where(r => r.Id == id);
}

/// <summary>
/// A page of the resources a compiled SCIM filter matches, in one segment of the total order of a
/// <see cref="SortKey{T}"/> (its key, then id), so pages never overlap or skip (RFC 7644 §3.4.2.4): by index,
/// <c>skip</c> resources of the segment then <c>take</c>; by cursor, the <c>take</c> resources of the segment after the
/// cursor's position (<c>after</c>), which an index on the sort key seeks to. Filter, segment and order, position and
/// page are the steps of one specification.
/// </summary>
internal sealed class ResourcesPageSpec<T> : Specification<T>
    where T : class, IScimResource
{
    public ResourcesPageSpec(
        Expression<Func<T, bool>>? filter, SortKey<T> sort, SortSegment segment, bool descending, CursorPosition? after, int skip, int take)
    {
        if (filter is not null)
        {
            Query.Where(filter);
        }

        sort.ApplyTo(Query, segment, descending);
        if (after is not null)
        {
            Query.Where(sort.After(after, descending));
        }

        Query.Skip(skip).Take(take);
    }
}
