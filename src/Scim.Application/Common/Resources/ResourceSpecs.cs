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
/// A page of resources matching a compiled SCIM filter, in a stable order (creation time, then id) so pages never
/// overlap or skip (RFC 7644 §3.4.2.4); the (organization, created, id) index serves it.
/// </summary>
internal sealed class ResourcesPageSpec<T> : Specification<T>
    where T : class, IScimResource
{
    public ResourcesPageSpec(Expression<Func<T, bool>>? filter, ListParameters paging)
    {
        if (filter is not null)
        {
            Query.Where(filter);
        }

        Query.OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id)
            .Skip(paging.StartIndex - 1)
            .Take(paging.Count);
    }
}
