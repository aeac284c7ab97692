using Microsoft.EntityFrameworkCore;

namespace Scim.Seeder.Database;

/// <summary>
/// What the organization has before the load: users and groups by normalized name and by id, and each group's members.
/// Read once, through the server's model, so the load writes only what is missing: a re-run writes nothing, and the
/// bulk paths (PostgreSQL's <c>COPY</c> cannot skip a conflicting row) never meet a row that is there already.
/// </summary>
internal sealed class ExistingDirectory
{
    private static readonly HashSet<Guid> NoMembers = [];

    private readonly Dictionary<string, Guid> usersByName = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> userIds = [];
    private readonly Dictionary<string, Guid> groupsByName = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> groupIds = [];
    private readonly Dictionary<Guid, HashSet<Guid>> members = [];

    public int UserCount => userIds.Count;

    public long MembershipCount { get; private set; }

    public static async Task<ExistingDirectory> ReadAsync(ISeedTarget target, Guid organizationId, CancellationToken cancellationToken)
    {
        var existing = new ExistingDirectory();
        await using var db = await target.CreateContextAsync(cancellationToken);
        var users = db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.OrganizationId == organizationId)
            .Select(u => new { u.UserNameNormalized, u.Id });
        await foreach (var user in users.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            existing.usersByName[user.UserNameNormalized] = user.Id;
            existing.userIds.Add(user.Id);
        }

        var groups = db.Groups.IgnoreQueryFilters().AsNoTracking().Where(g => g.OrganizationId == organizationId)
            .Select(g => new { g.DisplayNameNormalized, g.Id });
        await foreach (var group in groups.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            existing.groupsByName[group.DisplayNameNormalized] = group.Id;
            existing.groupIds.Add(group.Id);
        }

        var memberships = db.GroupMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .Select(m => new { m.GroupId, m.MemberId });
        await foreach (var membership in memberships.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!existing.members.TryGetValue(membership.GroupId, out var set))
            {
                existing.members[membership.GroupId] = set = [];
            }

            set.Add(membership.MemberId);
            existing.MembershipCount++;
        }

        return existing;
    }

    /// <summary>The id of the user with <paramref name="userName"/> (case-insensitive) or, failing that, with <paramref name="id"/>; null when neither is there.</summary>
    public Guid? FindUser(string userName, Guid id) =>
        usersByName.TryGetValue(userName.ToLowerInvariant(), out var there) ? there : userIds.Contains(id) ? id : null;

    /// <summary>The id of the group with <paramref name="displayName"/> (case-insensitive) or, failing that, with <paramref name="id"/>; null when neither is there.</summary>
    public Guid? FindGroup(string displayName, Guid id) =>
        groupsByName.TryGetValue(displayName.ToLowerInvariant(), out var there) ? there : groupIds.Contains(id) ? id : null;

    /// <summary>The members group <paramref name="groupId"/> has.</summary>
    public IReadOnlySet<Guid> MembersOf(Guid groupId) => members.GetValueOrDefault(groupId) ?? NoMembers;
}
