using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Users;
using Scim.Protocol;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>
/// The reads of users: one statement for the user rows (<see cref="UserRow"/>), one for their groups when the
/// projection includes <c>groups</c>, and the answer rendered from them by <see cref="UserRenderer"/>.
/// </summary>
internal static class UserResources
{
    /// <summary>
    /// The user with this id as <c>GET /Users/{id}</c> returns it (RFC 7644 §3.4.1); null when the organization has no
    /// such user.
    /// </summary>
    public static async Task<ScimBody?> ReadAsync(IScimDbContext db, Guid id, AttributeProjection projection, CancellationToken cancellationToken)
    {
        var row = await RowById(db.AsDbContext(), id, cancellationToken);
        return row is null ? null : new ResourceBody<UserRow>(row, await RendererAsync(db, [row], projection, cancellationToken));
    }

    /// <summary>
    /// The answer to a create, replace or PATCH of the user: what a GET with <paramref name="projection"/> (null for the
    /// default attribute set) returns right after it (<c>groups</c> and the manager's <c>displayName</c> included), read
    /// once the write's transaction has ended.
    /// </summary>
    /// <returns>The user, or 404 when a request that came after this write has already deleted it: the write was
    /// applied, and the user is gone.</returns>
    public static async Task<Result<ScimBody>> ReadWrittenAsync(
        IScimDbContext db, Guid id, AttributeProjection? projection, CancellationToken cancellationToken) =>
        await ReadAsync(db, id, projection ?? AttributeProjection.Default, cancellationToken) is { } body
            ? body
            : ScimError.NotFound($"User {id} was changed, then deleted by another request before this answer was read.");

    /// <summary>
    /// The user's full default representation, as the PATCH engine works on it (RFC 7644 §3.5.2), with
    /// <c>meta.location</c> and every <c>$ref</c> relative (<c>/Users/{id}</c>), and the version and manager it was read
    /// with; null when the organization has no such user. The same rendering as every answer. <c>groups</c>, which no
    /// PATCH changes, is read only when <paramref name="withGroups"/> (a request that names it, whose value it must be).
    /// </summary>
    public static async Task<UserForPatch?> ReadForPatchAsync(IScimDbContext db, Guid id, bool withGroups, CancellationToken cancellationToken)
    {
        var row = await RowById(db.AsDbContext(), id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var renderer = withGroups
            ? await RendererAsync(db, [row], AttributeProjection.Default, cancellationToken)
            : new UserRenderer(AttributeProjection.Default, groups: null);
        var resource = await new ResourceBody<UserRow>(row, renderer).ToJsonObjectAsync(cancellationToken);
        return new UserForPatch(resource, row.Version, row.ManagerId, row.Document);
    }

    /// <summary>How lists of users are read: the User schemas and catalogue, and the row of each user.</summary>
    public static ResourceListing<User, UserRow> Listing(IScimDbContext db) =>
        new(ResourceTypeDefinition.User, UserCatalogue.Catalogue, UserRow.Projection(((IQueryable<User>)db.Users).Expression),
            c => (c.Users, c.UserChanges), row => row.Id);

    /// <summary>The renderer of <paramref name="rows"/>, with their groups read (one statement) when the projection includes <c>groups</c>.</summary>
    public static async Task<UserRenderer> RendererAsync(
        IScimDbContext db, IReadOnlyList<UserRow> rows, AttributeProjection projection, CancellationToken cancellationToken)
    {
        var groups = projection.Includes("groups") && rows.Count > 0 ? await GroupsAsync(db, rows, cancellationToken) : null;
        return new UserRenderer(projection, groups);
    }

    // groups (RFC 7643 §4.1.2): each user's direct groups, ordered by displayName case-insensitively.
    private static async Task<Dictionary<Guid, List<UserGroup>>> GroupsAsync(
        IScimDbContext db, IReadOnlyList<UserRow> rows, CancellationToken cancellationToken)
    {
        var ids = new Guid[rows.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = rows[i].Id;
        }

        var groups = new Dictionary<Guid, List<UserGroup>>(rows.Count);
        foreach (var membership in await db.ReadUserGroupsAsync(ids, cancellationToken))
        {
            if (!groups.TryGetValue(membership.UserId, out var list))
            {
                groups.Add(membership.UserId, list = []);
            }

            list.Add(new UserGroup(membership.GroupId, membership.DisplayName));
        }

        foreach (var list in groups.Values)
        {
            list.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.DisplayName, b.DisplayName));
        }

        return groups;
    }

    // A GET by id (and the answer of every write) reads one user: these run without building the LINQ expression,
    // extracting its parameters and looking it up in EF Core's query cache, which cost about a tenth of such a request.
    // The organization query filters apply to compiled queries as to any other.
    private static readonly Func<DbContext, Guid, CancellationToken, Task<UserRow?>> RowById =
        EF.CompileAsyncQuery(UserRow.Inline<Func<DbContext, Guid, CancellationToken, UserRow?>>((db, id, ct) =>
            db.Set<User>().Where(u => u.Id == id).Select(u => UserRow.Of(db.Set<User>(), u)).FirstOrDefault()));
}

/// <summary>A user as a PATCH starts from it.</summary>
/// <param name="Resource">The full default representation, <c>groups</c> only when asked for; <c>meta.location</c> is relative.</param>
/// <param name="Version">The version read, for a write conditional on it.</param>
/// <param name="ManagerId">The manager read, so an unchanged manager need not be checked again.</param>
/// <param name="Document">The stored document read, so a PUT that would store the same one need not write.</param>
internal sealed record UserForPatch(JsonObject Resource, long Version, Guid? ManagerId, byte[] Document);
