using System.Linq.Expressions;
using Ardalis.Specification;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;

namespace Scim.Application.Features.Groups;

/// <summary>One group by SCIM id.</summary>
internal sealed class GroupByIdSpec : Specification<Group>
{
    public GroupByIdSpec(Guid id) => Query.Where(g => g.Id == id);
}

/// <summary>A page of groups matching a compiled SCIM filter, in a stable order (creation time, then id).</summary>
internal sealed class GroupsPageSpec : Specification<Group>
{
    public GroupsPageSpec(Expression<Func<Group, bool>>? filter, ListParameters paging)
    {
        if (filter is not null)
        {
            Query.Where(filter);
        }

        Query.OrderBy(g => g.CreatedUtc).ThenBy(g => g.Id)
            .Skip(paging.StartIndex - 1)
            .Take(paging.Count);
    }
}
