using System.Text.Json;
using System.Text.Json.Nodes;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;
using Scim.Protocol.Projection;

namespace Scim.Application.Features.Groups;

/// <summary>Renders groups as SCIM JSON; members are read only when the projection asks for them.</summary>
internal static class GroupResources
{
    /// <summary>The SCIM JSON of each group; with <c>members</c> only if <paramref name="projection"/> includes them.</summary>
    public static async Task<List<JsonObject>> ToJsonAsync(
        IScimDbContext db, IReadOnlyList<Group> groups, AttributeProjection projection, CancellationToken cancellationToken)
    {
        var members = projection.Includes("members") && groups.Count > 0
            ? await LoadMembersAsync(db, groups.Select(g => g.Id).ToList(), cancellationToken)
            : null;
        return groups.Select(group =>
        {
            var resource = group.Adapt<ScimGroup>(ScimMappings.Config);
            if (members is not null)
            {
                resource.Members = members.GetValueOrDefault(group.Id) ?? [];
            }

            return projection.Apply(ToJson(resource));
        }).ToList();
    }

    /// <summary>The group's JSON without members, as the PATCH engine sees it.</summary>
    public static JsonObject ToJson(Group group) => ToJson(group.Adapt<ScimGroup>(ScimMappings.Config));

    private static JsonObject ToJson(ScimGroup resource) => JsonSerializer.SerializeToNode(resource, ScimJson.Options)!.AsObject();

    private static async Task<Dictionary<Guid, List<ScimMember>>> LoadMembersAsync(
        IScimDbContext db, List<Guid> groupIds, CancellationToken cancellationToken)
    {
        var users = await db.GroupMembers.AsNoTracking()
            .Where(m => groupIds.Contains(m.GroupId) && m.Type == MemberType.User)
            .Join(db.Users, m => m.MemberId, u => u.Id, (m, u) => new { m.GroupId, m.MemberId, Display = (string?)(u.DisplayName ?? u.UserName), Type = "User" })
            .ToListAsync(cancellationToken);
        var groups = await db.GroupMembers.AsNoTracking()
            .Where(m => groupIds.Contains(m.GroupId) && m.Type == MemberType.Group)
            .Join(db.Groups, m => m.MemberId, g => g.Id, (m, g) => new { m.GroupId, m.MemberId, Display = (string?)g.DisplayName, Type = "Group" })
            .ToListAsync(cancellationToken);
        return users.Concat(groups).GroupBy(m => m.GroupId).ToDictionary(
            g => g.Key,
            g => g.Select(m => new ScimMember { Value = m.MemberId.ToString(), Display = m.Display, Type = m.Type }).ToList());
    }
}
