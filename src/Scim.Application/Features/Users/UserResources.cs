using System.Text.Json;
using System.Text.Json.Nodes;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;
using Scim.Domain.Users;

namespace Scim.Application.Features.Users;

/// <summary>Loads users with everything their representation needs and renders them as SCIM JSON.</summary>
internal static class UserResources
{
    /// <summary>Users with their value rows, addresses and manager (split queries: no row explosion).</summary>
    public static IQueryable<User> WithDetails(this IQueryable<User> users) =>
        users.Include(u => u.Values).Include(u => u.Addresses).Include(u => u.Manager).AsSplitQuery();

    /// <summary>The SCIM JSON of each user, with <c>groups</c> when the projection wants it (one query for the page).</summary>
    public static async Task<List<JsonObject>> ToJsonAsync(
        IScimDbContext db, IReadOnlyList<User> users, AttributeProjection projection, CancellationToken cancellationToken)
    {
        var groupsByUser = projection.Includes("groups") && users.Count > 0
            ? await LoadGroupsAsync(db, users.Select(u => u.Id).ToList(), cancellationToken)
            : [];
        return users.Select(user =>
        {
            var resource = user.Adapt<ScimUser>(ScimMappings.Config);
            resource.Groups = groupsByUser.GetValueOrDefault(user.Id);
            return projection.Apply(ToJson(resource));
        }).ToList();
    }

    /// <summary>The full SCIM JSON of one user, as the PATCH engine and GET see it (without <c>groups</c>).</summary>
    public static JsonObject ToJson(User user) => ToJson(user.Adapt<ScimUser>(ScimMappings.Config));

    private static JsonObject ToJson(ScimUser resource) =>
        JsonSerializer.SerializeToNode(resource, ScimJson.Options)!.AsObject();

    private static async Task<Dictionary<Guid, List<ScimGroupReference>>> LoadGroupsAsync(
        IScimDbContext db, List<Guid> userIds, CancellationToken cancellationToken)
    {
        var rows = await db.GroupMembers.AsNoTracking()
            .Where(m => userIds.Contains(m.MemberId) && m.Type == MemberType.User)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { m.MemberId, g.Id, g.DisplayName })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.MemberId).ToDictionary(
            g => g.Key,
            g => g.OrderBy(r => r.DisplayName, StringComparer.OrdinalIgnoreCase)
                .Select(r => new ScimGroupReference { Value = r.Id.ToString(), Display = r.DisplayName, Type = "direct" })
                .ToList());
    }
}
