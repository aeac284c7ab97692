using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;
using Scim.Domain.Users;
using Scim.Protocol;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>
/// The reads of groups: one statement for the group rows (<see cref="GroupRow"/>) and, while a group is written, its
/// members streamed from two more (users, then nested groups), only when the projection includes <c>members</c>.
/// </summary>
internal static class GroupResources
{
    /// <summary>
    /// The group with this id as <c>GET /Groups/{id}</c> returns it (RFC 7644 §3.4.1); null when the organization has
    /// no such group. Members are read when the body is written.
    /// </summary>
    public static async Task<ScimBody?> ReadAsync(IScimDbContext db, Guid id, AttributeProjection projection, CancellationToken cancellationToken)
    {
        var row = await RowById(db.AsDbContext(), id, cancellationToken);
        return row is null ? null : new ResourceBody<GroupRow>(row, new GroupRenderer(projection, db));
    }

    /// <summary>
    /// The answer to a create, replace or PATCH of the group: what a GET with <paramref name="projection"/> (null for the
    /// default attribute set) returns right after it.
    /// </summary>
    /// <returns>The group, or 404 when a request that came after this write has already deleted it: the write was
    /// applied, and the group is gone.</returns>
    public static async Task<Result<ScimBody>> ReadWrittenAsync(
        IScimDbContext db, Guid id, AttributeProjection? projection, CancellationToken cancellationToken) =>
        await ReadAsync(db, id, projection ?? AttributeProjection.Default, cancellationToken) is { } body
            ? body
            : ScimError.NotFound($"Group {id} was changed, then deleted by another request before this answer was read.");

    /// <summary>
    /// The group without <c>members</c> (PATCH changes them as rows) as the PATCH engine works on it (RFC 7644 §3.5.2),
    /// with <c>meta.location</c> relative (<c>/Groups/{id}</c>), and the version it was read at; null when the
    /// organization has no such group. The same rendering as every answer.
    /// </summary>
    public static async Task<GroupForPatch?> ReadForPatchAsync(IScimDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var row = await RowById(db.AsDbContext(), id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var resource = await new ResourceBody<GroupRow>(row, new GroupRenderer(AttributeProjection.Default, db: null))
            .ToJsonObjectAsync(cancellationToken);
        return new GroupForPatch(resource, row.Version);
    }

    /// <summary>How lists of groups are read: the Group schema and catalogue, and the row of each group.</summary>
    public static ResourceListing<Group, GroupRow> Listing { get; } = new(
        ResourceTypeDefinition.Group, GroupCatalogue.Catalogue, GroupRow.Projection, c => (c.Groups, c.GroupChanges), row => row.Id);

    /// <summary>The users among the group's members, by id, read as they are enumerated.</summary>
    public static IAsyncEnumerable<MemberRow> UserMembersAsync(IScimDbContext db, Guid groupId) => UserMembers(db.AsDbContext(), groupId);

    /// <summary>The nested groups among the group's members, by id, read as they are enumerated.</summary>
    public static IAsyncEnumerable<MemberRow> GroupMembersAsync(IScimDbContext db, Guid groupId) => GroupMembers(db.AsDbContext(), groupId);

    private static readonly Func<DbContext, Guid, CancellationToken, Task<GroupRow?>> RowById =
        EF.CompileAsyncQuery((DbContext db, Guid id, CancellationToken ct) =>
            db.Set<Group>().Where(g => g.Id == id).Select(GroupRow.Projection).FirstOrDefault());

    // In member id order, which the primary key (GroupId, MemberId) yields without sorting; a member row whose user or
    // group no longer exists is skipped.
    private static readonly Func<DbContext, Guid, IAsyncEnumerable<MemberRow>> UserMembers =
        EF.CompileAsyncQuery((DbContext db, Guid groupId) => db.Set<GroupMember>()
            .Where(m => m.GroupId == groupId && m.Type == MemberType.User)
            .Join(db.Set<User>(), m => m.MemberId, u => u.Id, (m, u) => new { m.MemberId, Display = u.DisplayName ?? u.UserName })
            .OrderBy(m => m.MemberId)
            .Select(m => new MemberRow(m.MemberId, m.Display)));

    private static readonly Func<DbContext, Guid, IAsyncEnumerable<MemberRow>> GroupMembers =
        EF.CompileAsyncQuery((DbContext db, Guid groupId) => db.Set<GroupMember>()
            .Where(m => m.GroupId == groupId && m.Type == MemberType.Group)
            .Join(db.Set<Group>(), m => m.MemberId, g => g.Id, (m, g) => new { m.MemberId, Display = g.DisplayName })
            .OrderBy(m => m.MemberId)
            .Select(m => new MemberRow(m.MemberId, m.Display)));
}

/// <summary>A group as a PATCH starts from it.</summary>
/// <param name="Resource">The representation without <c>members</c>; <c>meta.location</c> is relative.</param>
/// <param name="Version">The version read, for a write conditional on it.</param>
internal sealed record GroupForPatch(JsonObject Resource, long Version);
