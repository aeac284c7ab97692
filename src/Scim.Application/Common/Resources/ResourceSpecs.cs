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
/// A page of resources matching a compiled SCIM filter, in the total order of a <see cref="SortKey{T}"/> (its key, then
/// id) so pages never overlap or skip (RFC 7644 §3.4.2.4): by index, <c>skip</c> resources then <c>take</c>; by
/// cursor, the <c>take</c> resources after the cursor's position (<c>after</c>), which an index on the sort key seeks to.
/// </summary>
internal sealed class ResourcesPageSpec<T> : Specification<T>
    where T : class, IScimResource
{
    public ResourcesPageSpec(Expression<Func<T, bool>>? filter, SortKey<T> sort, bool descending, Expression<Func<T, bool>>? after, int skip, int take)
    {
        if (filter is not null)
        {
            Query.Where(filter);
        }

        if (after is not null)
        {
            Query.Where(after);
        }

        sort.ApplyTo(Query, descending);
        Query.Skip(skip).Take(take);
    }
}
