using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Scim.Domain.Groups;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Domain.Users;

namespace Scim.Application.Common.Persistence;

/// <summary>
/// The database as the slices see it. <see cref="Users"/>, <see cref="Groups"/> and <see cref="GroupMembers"/>
/// are filtered to <see cref="OrganizationContext.OrganizationId"/> by a global query filter, so no query can
/// reach another organization's rows. Users, groups and members are written only through <see cref="IResourceWriter"/>;
/// organizations and keys (administration, rare) through <see cref="SaveChangesAsync"/>.
/// </summary>
public interface IScimDbContext
{
    /// <summary>The tenants (not organization-filtered).</summary>
    DbSet<Organization> Organizations { get; }
    /// <summary>The API keys of every organization (not organization-filtered); only hashes are stored.</summary>
    DbSet<ApiKey> ApiKeys { get; }
    /// <summary>SCIM Users (RFC 7643 §4.1) of the current organization.</summary>
    DbSet<User> Users { get; }
    /// <summary>SCIM Groups (RFC 7643 §4.2) of the current organization.</summary>
    DbSet<Group> Groups { get; }
    /// <summary>Group membership rows (<c>members</c>, RFC 7643 §4.2) of the current organization.</summary>
    DbSet<GroupMember> GroupMembers { get; }
    /// <summary>The current organization's user and group counts, kept by the database (sum them over slots).</summary>
    DbSet<OrganizationCount> OrganizationCounts { get; }

    /// <summary>The provisioning journal of every organization (not organization-filtered); written only through <see cref="IWriteSession.JournalAsync"/>.</summary>
    DbSet<JournalEntry> Journal { get; }

    /// <summary>The set of any entity type, e.g. <see cref="UserValue"/> rows for filter subqueries.</summary>
    [SuppressMessage("Naming", "CA1716", Justification = "Implemented by DbContext.Set<TEntity>() itself.")]
    DbSet<TEntity> Set<TEntity>()
        where TEntity : class;

    /// <summary>
    /// The direct group memberships of the current organization's users <paramref name="userIds"/> (their <c>groups</c>,
    /// RFC 7643 §4.1.2), in no particular order, read with one statement; none for an id that is no user of the organization.
    /// </summary>
    /// <param name="userIds">The users, at most a page's worth.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<List<UserGroupMembership>> ReadUserGroupsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>Transactions and raw access.</summary>
    DatabaseFacade Database { get; }

    /// <summary>Saves tracked changes; a unique-index violation surfaces as <see cref="DbUpdateException"/>.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
