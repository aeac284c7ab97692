using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Scim.Application.Common.Persistence;

namespace Scim.Infrastructure.Data;

/// <summary>
/// The read of users' direct group memberships (<see cref="IScimDbContext.ReadUserGroupsAsync"/>): one statement over the
/// memberships' member index, on the request's own connection (and transaction, if any). A page of 100 users has about
/// 500 such rows, and EF Core's materialisation of them cost as much again as the statement, so each provider gives the
/// command (how its ids go as one parameter) and reads the columns itself.
/// </summary>
internal abstract class UserGroupsReader
{
    /// <summary>
    /// The memberships of <paramref name="userIds"/> in groups of <paramref name="organizationId"/>, comparing the
    /// organization on both sides of the join, in no particular order.
    /// </summary>
    /// <param name="db">The request's context.</param>
    /// <param name="organizationId">The request's organization.</param>
    /// <param name="userIds">At least one user id, at most a page's worth: they go as one parameter.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<List<UserGroupMembership>> ReadAsync(
        ScimDbContext db, Guid organizationId, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var memberships = new List<UserGroupMembership>(userIds.Count * 6);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Prepare(command, organizationId, userIds);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                memberships.Add(Read(reader));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return memberships;
    }

    /// <summary>
    /// Sets the text and parameters of <paramref name="command"/>: the columns member id, group id, group displayName of
    /// the memberships of type User of <paramref name="userIds"/>, in groups of <paramref name="organizationId"/>.
    /// </summary>
    protected abstract void Prepare(DbCommand command, Guid organizationId, IReadOnlyCollection<Guid> userIds);

    /// <summary>The membership of the reader's current row.</summary>
    protected abstract UserGroupMembership Read(DbDataReader reader);
}
