using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;

namespace Scim.Application.Features.Groups;

/// <summary>
/// The caller's organization's groups with the most members, most first (ties by displayName): what SCIM's list cannot
/// sort by. One aggregate over the organization's memberships, in the order of their primary key.
/// </summary>
public static class ListLargestGroups
{
    /// <summary>The most groups one query returns.</summary>
    public const int MaxCount = 50;

    /// <param name="Count">How many groups, 1 to <see cref="MaxCount"/>.</param>
    public sealed record Query(int Count) : IQuery<IReadOnlyList<GroupSize>>;

    /// <summary>A group and its number of members.</summary>
    /// <param name="Id">The group's SCIM id.</param>
    /// <param name="DisplayName">Its <c>displayName</c>.</param>
    /// <param name="Members">How many members it has (users and groups, not counting nested groups' members).</param>
    public sealed record GroupSize(Guid Id, string DisplayName, int Members);

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, IReadOnlyList<GroupSize>>
    {
        public async ValueTask<IReadOnlyList<GroupSize>> Handle(Query query, CancellationToken cancellationToken)
        {
            var count = Math.Clamp(query.Count, 1, MaxCount);
            var largest = await db.GroupMembers.AsNoTracking()
                .GroupBy(m => m.GroupId)
                .Select(g => new { GroupId = g.Key, Members = g.Count() })
                .OrderByDescending(g => g.Members).ThenBy(g => g.GroupId)
                .Take(count)
                .ToListAsync(cancellationToken);
            var ids = largest.Select(g => g.GroupId).ToList();
            var names = await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id))
                .Select(g => new { g.Id, g.DisplayName }).ToDictionaryAsync(g => g.Id, g => g.DisplayName, cancellationToken);
            return [.. largest.Where(g => names.ContainsKey(g.GroupId))
                .Select(g => new GroupSize(g.GroupId, names[g.GroupId], g.Members))
                .OrderByDescending(g => g.Members).ThenBy(g => g.DisplayName, StringComparer.OrdinalIgnoreCase)];
        }
    }
}
