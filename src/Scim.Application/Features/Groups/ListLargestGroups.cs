using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Protocol;

namespace Scim.Application.Features.Groups;

/// <summary>
/// The caller's organization's groups with the most members, most first (ties by id): what SCIM's list cannot sort
/// by. Each of the organization's groups counts its members in the membership table's primary key (group id first), so
/// the query reads the organization's memberships once and no other organization's (2,000 groups with 1,000,000
/// memberships, beside another organization as large: about 100 ms on SQLite). It runs within the list time budget
/// (<see cref="ListQueryBudget"/>), beyond which it is 503.
/// </summary>
public static class ListLargestGroups
{
    /// <summary>The most groups one query returns.</summary>
    public const int MaxCount = 50;

    /// <param name="Count">How many groups, 1 to <see cref="MaxCount"/>.</param>
    public sealed record Query(int Count) : IQuery<Result<IReadOnlyList<GroupSize>>>;

    /// <summary>A group and its number of members.</summary>
    /// <param name="Id">The group's SCIM id.</param>
    /// <param name="DisplayName">Its <c>displayName</c>.</param>
    /// <param name="Members">How many members it has (users and groups, not counting nested groups' members).</param>
    public sealed record GroupSize(Guid Id, string DisplayName, int Members);

    internal sealed class Handler(IScimDbContext db, ListQueryBudget budget) : IQueryHandler<Query, Result<IReadOnlyList<GroupSize>>>
    {
        public async ValueTask<Result<IReadOnlyList<GroupSize>>> Handle(Query query, CancellationToken cancellationToken) =>
            await budget.RunAsync<IReadOnlyList<GroupSize>>(
                async token =>
                {
                    // Every group's count in one pass, ordered here: ordered in SQL, each group's count is computed again
                    // for the ORDER BY (and the filter), reading the memberships two or three times.
                    var groups = await db.Groups.AsNoTracking().Select(g => new GroupSize(g.Id, g.DisplayName, g.Members.Count)).ToListAsync(token);
                    return groups.Where(g => g.Members > 0).OrderByDescending(g => g.Members).ThenBy(g => g.Id)
                        .Take(Math.Clamp(query.Count, 1, MaxCount)).ToList();
                },
                () => new ScimError(503, null, $"Counting the members of every group took longer than the server allows ({budget.Limit.TotalSeconds:0.###} s)."),
                cancellationToken);
    }
}
