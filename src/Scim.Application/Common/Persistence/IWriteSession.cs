using Scim.Domain.Groups;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Domain.Users;

namespace Scim.Application.Common.Persistence;

/// <summary>
/// The statements a write may run, each scoped to the write's organization and set-based: no entity is loaded or
/// tracked, a resource is written from the entity the request built, and member lists change as set operations.
/// Updates are conditional on the version the request read (<see cref="WriteStatus.Stale"/> when another write
/// came first), so a request that read, changed and wrote a resource never overwrites a concurrent change.
/// </summary>
public interface IWriteSession
{
    /// <summary>Inserts <paramref name="user"/> with its value rows and addresses; <see cref="WriteStatus.Conflict"/> for a taken userName.</summary>
    ValueTask<WriteStatus> InsertUserAsync(User user);

    /// <summary>
    /// Writes every column of <paramref name="user"/> but <see cref="User.CreatedUtc"/> (its <see cref="User.Version"/>
    /// must be <paramref name="expectedVersion"/> + 1; a null <see cref="User.PasswordHash"/> keeps the stored one)
    /// where the stored version is <paramref name="expectedVersion"/>, and,
    /// when <paramref name="rowsChanged"/>, replaces its value rows and addresses.
    /// </summary>
    /// <returns><see cref="WriteStatus.Stale"/> when the user is gone or has another version; <see cref="WriteStatus.Conflict"/>
    /// for a taken userName; <see cref="WriteStatus.MissingReference"/> when the manager no longer exists.</returns>
    ValueTask<WriteStatus> UpdateUserAsync(User user, long expectedVersion, bool rowsChanged);

    /// <summary>
    /// Deletes the user, its memberships, value rows and addresses, where its stored version is one of
    /// <paramref name="versions"/> (any version when null); the groups it was in and the users it managed change (new
    /// version, <c>lastModified</c> = <paramref name="now"/>).
    /// </summary>
    /// <returns><see cref="WriteStatus.NotFound"/> when there is no such user; <see cref="WriteStatus.Stale"/> when it has
    /// another version (nothing is deleted).</returns>
    ValueTask<WriteStatus> DeleteUserAsync(Guid id, DateTime now, IReadOnlyCollection<long>? versions);

    /// <summary>Inserts <paramref name="group"/> (without members); <see cref="WriteStatus.Conflict"/> for a taken displayName.</summary>
    ValueTask<WriteStatus> InsertGroupAsync(Group group);

    /// <summary>Writes <paramref name="group"/>'s columns where the stored version is <paramref name="expectedVersion"/>, as <see cref="UpdateUserAsync"/>.</summary>
    ValueTask<WriteStatus> UpdateGroupAsync(Group group, long expectedVersion);

    /// <summary>
    /// Gives the group a new version and <c>lastModified</c> = <paramref name="now"/> whatever its version, for a change
    /// that does not depend on what the request read (members added or removed by id).
    /// </summary>
    /// <returns>The group's new version (from the same statement); null when there is no such group.</returns>
    ValueTask<long?> TouchGroupAsync(Guid id, DateTime now);

    /// <summary>
    /// Deletes the group, its membership rows and its memberships in other groups, which change, where its stored version
    /// is one of <paramref name="versions"/> (any version when null); statuses as <see cref="DeleteUserAsync"/>.
    /// </summary>
    ValueTask<WriteStatus> DeleteGroupAsync(Guid id, DateTime now, IReadOnlyCollection<long>? versions);

    /// <summary>Deletes the membership rows of <paramref name="memberIds"/> in the group, or all of them when null.</summary>
    ValueTask DeleteMembersAsync(Guid groupId, IReadOnlyCollection<Guid>? memberIds);

    /// <summary>
    /// The first of <paramref name="groupIds"/> that contains group <paramref name="groupId"/>, directly or through
    /// nested groups, as the write's transaction sees the memberships; null when none does (adding them makes no cycle).
    /// </summary>
    ValueTask<Guid?> FindContainingGroupAsync(IReadOnlyCollection<Guid> groupIds, Guid groupId);

    /// <summary>
    /// Adds the <paramref name="type"/> resources <paramref name="memberIds"/> to the group, skipping those already in
    /// it; an id whose resource does not exist (any more) in the organization is not added.
    /// </summary>
    /// <returns>How many rows were inserted.</returns>
    ValueTask<int> InsertMembersAsync(Guid groupId, IReadOnlyCollection<Guid> memberIds, MemberType type);

    /// <summary>
    /// Inserts <paramref name="organization"/>, which must be this write's organization; <see cref="WriteStatus.Conflict"/>
    /// when its name is taken (compared case-insensitively, <see cref="Organization.NameNormalized"/>).
    /// </summary>
    ValueTask<WriteStatus> InsertOrganizationAsync(Organization organization);

    /// <summary>
    /// Gives this write's organization the name of <paramref name="organization"/> (its <see cref="Organization.Name"/> and
    /// <see cref="Organization.NameNormalized"/>); <see cref="WriteStatus.NotFound"/> when it is gone or being deleted,
    /// <see cref="WriteStatus.Conflict"/> when another organization has the name.
    /// </summary>
    ValueTask<WriteStatus> RenameOrganizationAsync(Organization organization);

    /// <summary>
    /// Gives this write's organization the rate limit of <paramref name="organization"/> (its
    /// <see cref="Organization.RateLimitPerSecond"/> and <see cref="Organization.RateLimitBurst"/>, both null for the
    /// deployment's); <see cref="WriteStatus.NotFound"/> when it is gone or being deleted.
    /// </summary>
    ValueTask<WriteStatus> SetOrganizationRateLimitAsync(Organization organization);

    /// <summary>
    /// Inserts <paramref name="key"/>, which must be of this write's organization. A write that inserts one checks
    /// <see cref="OrganizationOpenAsync"/> first, so that no key is added after <see cref="MarkOrganizationDeletedAsync"/>
    /// revoked the organization's keys.
    /// </summary>
    ValueTask InsertApiKeyAsync(ApiKey key);

    /// <summary>
    /// Revokes this organization's key <paramref name="keyId"/> at <paramref name="now"/> unless it is revoked already;
    /// <see cref="WriteStatus.Stale"/> when there is no such unrevoked key (revoked meanwhile, or not of this organization).
    /// </summary>
    ValueTask<WriteStatus> RevokeApiKeyAsync(Guid keyId, DateTime now);

    /// <summary>
    /// Appends <paramref name="entry"/> (of this write's organization) to the provisioning journal in this write's
    /// transaction: it is committed with the write's statements, or undone with them. Its
    /// <see cref="JournalEntry.Sequence"/> is assigned as the write's last statement, so after every change of the same
    /// resource that committed before it (on SQLite by the one writer, in commit order; on PostgreSQL see
    /// <see cref="IJournalReadBarrier"/>).
    /// </summary>
    ValueTask JournalAsync(JournalEntry entry);

    /// <summary>
    /// Deletes the oldest of this organization's journal rows numbered <paramref name="throughSequence"/> or lower, at
    /// most <paramref name="limit"/> of them.
    /// </summary>
    /// <returns>How many rows were deleted; fewer than <paramref name="limit"/> when none of those is left.</returns>
    ValueTask<int> DeleteJournalAsync(long throughSequence, int limit);

    /// <summary>
    /// Marks this organization as being deleted (its <c>DeletionRequestedUtc</c>, unless already set), then revokes every
    /// key of it not yet revoked (<c>RevokedUtc</c> = <paramref name="now"/>): from the commit on, its keys are refused,
    /// and <see cref="OrganizationOpenAsync"/> is false. The organization row is written first, so a key insert of another
    /// transaction (behind <see cref="OrganizationOpenAsync"/>) either comes before it (and its key is revoked here) or
    /// after it (and inserts nothing).
    /// </summary>
    /// <returns>
    /// The secret hashes of every key of the organization, as this write sees them after the revocation (to be forgotten by
    /// the key cache: a key revoked now, or shortly before by another process); null when there is no such organization.
    /// </returns>
    ValueTask<string[]?> MarkOrganizationDeletedAsync(DateTime now);

    /// <summary>
    /// Whether this write's organization exists and is not being deleted. On PostgreSQL it holds the organization's row
    /// <c>FOR SHARE</c> until the write ends, so <see cref="MarkOrganizationDeletedAsync"/> (which updates that row first)
    /// comes wholly before or wholly after this write.
    /// </summary>
    ValueTask<bool> OrganizationOpenAsync();

    /// <summary>The id of one of this organization's groups (the first by displayName), or null when it has none.</summary>
    ValueTask<Guid?> FirstGroupAsync();

    /// <summary>Deletes at most <paramref name="limit"/> of the membership rows of the group (of this organization).</summary>
    /// <returns>How many rows were deleted.</returns>
    ValueTask<int> DeleteSomeMembersAsync(Guid groupId, int limit);

    /// <summary>
    /// Deletes at most <paramref name="limit"/> of this organization's users with their value and address rows, for an
    /// erasure: the users they managed lose their manager, nothing else changes (their memberships went with the groups).
    /// </summary>
    /// <returns>How many users were deleted.</returns>
    ValueTask<int> DeleteSomeUsersAsync(int limit);

    /// <summary>
    /// Deletes the organization row with what is left of its journal rows and, by the foreign keys' cascades, of its keys,
    /// users and groups; its kept counts go with it (trigger of the migration <c>OrganizationCounts</c>).
    /// </summary>
    ValueTask DeleteOrganizationAsync();
}

/// <summary>The outcome of a conditional write.</summary>
public enum WriteStatus
{
    /// <summary>The row was written.</summary>
    Written,

    /// <summary>Nothing was written: the row is gone or another write changed it since it was read; read again and retry.</summary>
    Stale,

    /// <summary>Nothing was written: a unique value (userName, group displayName) is taken.</summary>
    Conflict,

    /// <summary>Nothing was written: a referenced resource (the manager) no longer exists.</summary>
    MissingReference,

    /// <summary>Nothing was written: there is no such resource (told apart from <see cref="Stale"/> by a conditional delete).</summary>
    NotFound,
}
