using System.Linq.Expressions;
using Ardalis.Specification;
using Scim.Application.Common.Resources;
using Scim.Domain.Users;

namespace Scim.Application.Features.Users;

/// <summary>One user by SCIM id.</summary>
internal sealed class UserByIdSpec : Specification<User>
{
    public UserByIdSpec(Guid id) => Query.Where(u => u.Id == id);
}

/// <summary>
/// A page of users matching a compiled SCIM filter, in a stable order (creation time, then id) so pages never
/// overlap or skip (RFC 7644 §3.4.2.4).
/// </summary>
internal sealed class UsersPageSpec : Specification<User>
{
    public UsersPageSpec(Expression<Func<User, bool>>? filter, ListParameters paging)
    {
        if (filter is not null)
        {
            Query.Where(filter);
        }

        Query.OrderBy(u => u.CreatedUtc).ThenBy(u => u.Id)
            .Skip(paging.StartIndex - 1)
            .Take(paging.Count);
    }
}
