using Scim.Application.Common.Persistence;

namespace Scim.Infrastructure.Data;

/// <summary>
/// The provider's read of users' direct group memberships (<see cref="IScimDbContext.ReadUserGroupsAsync"/>): one
/// statement over the memberships' member index on the request's own connection. A page of 100 users has about 500 such
/// rows, and EF Core's materialisation of them cost as much again as the statement, so each provider runs its own
/// command and reads the columns itself.
/// </summary>
internal interface IUserGroupsReader
{
    /// <summary>
    /// The memberships of <paramref name="userIds"/> in groups of <paramref name="organizationId"/>, comparing the
    /// organization on both sides of the join, in no particular order.
    /// </summary>
    /// <param name="db">The request's context, whose connection (and transaction, if any) the statement runs on.</param>
    /// <param name="organizationId">The request's organization.</param>
    /// <param name="userIds">At least one user id, at most a page's worth: they go as one parameter.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<List<UserGroupMembership>> ReadAsync(ScimDbContext db, Guid organizationId, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);
}
