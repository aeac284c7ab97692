using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Protocol;
using Scim.Protocol.Patching;

namespace Scim.Application.Features.Groups;

/// <summary>
/// Applies member operations to a group's membership rows, in request order, inside the caller's transaction.
/// Every id that is added is checked first, in one query: an unknown id fails the whole request with 400
/// invalidValue naming only the unknown ids, before any row changes: a PATCH applies all its operations or none
/// (RFC 7644 §3.5.2), so silently skipping one member would half-apply it.
/// </summary>
internal static class GroupMembership
{
    /// <summary>The <c>members</c> of a POST or PUT body as one replace operation, removed from <paramref name="resource"/>.</summary>
    public static IReadOnlyList<MemberOperation> TakeMembers(JsonObject resource)
    {
        var members = resource["members"] as JsonArray;
        resource.Remove("members");
        var values = members?.OfType<JsonObject>()
            .Select(m => new MemberValue(m["value"]!.GetValue<string>(), m["type"]?.GetValue<string>(), m["display"]?.GetValue<string>()))
            .ToList() ?? [];
        return [new ReplaceMembers(values)];
    }

    /// <summary>
    /// Applies <paramref name="operations"/> to group <paramref name="groupId"/>; null on success. The operations are
    /// first folded, in order, into one net change (which rows to delete, which ids to insert), then written with
    /// one delete per kind and one insert: the same id added, removed and added again in one request is one insert.
    /// </summary>
    public static async Task<ScimError?> ApplyAsync(
        IScimDbContext db, Guid organizationId, Guid groupId, IReadOnlyList<MemberOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count == 0)
        {
            return null;
        }

        var added = operations.SelectMany(o => o switch
        {
            AddMembers add => add.Members,
            ReplaceMembers replace => replace.Members,
            _ => [],
        }).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        var resolved = await ResolveAsync(db, groupId, added, cancellationToken);
        if (!resolved.IsSuccess)
        {
            return resolved.Error;
        }

        var change = new NetChange(resolved.Value!);
        foreach (var operation in operations)
        {
            if (change.Fold(operation) is { } error)
            {
                return error;
            }
        }

        var rows = db.GroupMembers.Where(m => m.GroupId == groupId);
        if (change.ClearsExisting)
        {
            await rows.ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            var removed = change.Removed.ToList();
            if (removed.Count > 0)
            {
                await rows.Where(m => removed.Contains(m.MemberId)).ExecuteDeleteAsync(cancellationToken);
            }

            foreach (var filter in change.ExistingRemovedWhere)
            {
                await rows.Where(filter).ExecuteDeleteAsync(cancellationToken);
            }
        }

        await InsertMissingAsync(db, organizationId, groupId, change.Added, cancellationToken);
        return null;
    }

    private static async Task<Result<Dictionary<Guid, MemberType>>> ResolveAsync(
        IScimDbContext db, Guid groupId, List<string> values, CancellationToken cancellationToken)
    {
        var ids = values.Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var types = new Dictionary<Guid, MemberType>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var id in await db.Users.Where(u => chunk.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken))
            {
                types[id] = MemberType.User;
            }

            foreach (var id in await db.Groups.Where(g => chunk.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken))
            {
                types[id] = MemberType.Group;
            }
        }

        var unknown = values.Where(v => !Guid.TryParse(v, out var g) || !types.ContainsKey(g)).ToList();
        if (unknown.Count > 0)
        {
            return ScimError.InvalidValue(
                $"members: no User or Group of this organization has the id {string.Join(", ", unknown.Select(u => $"'{u}'"))}; nothing was changed.");
        }

        if (types.ContainsKey(groupId))
        {
            return ScimError.InvalidValue("members: a group cannot be a member of itself; nothing was changed.");
        }

        var nested = types.Where(t => t.Value == MemberType.Group).Select(t => t.Key).ToList();
        return await ContainsAsync(db, nested, groupId, cancellationToken) is { } via
            ? ScimError.InvalidValue($"members: group '{via}' already contains this group (directly or through other groups), so adding it would make a cycle; nothing was changed.")
            : types;
    }

    // Walks down from the groups being added, one query per nesting level: the group that (transitively) contains
    // `target`, or null. Nesting is shallow in practice (Entra provisions one level).
    private static async Task<Guid?> ContainsAsync(IScimDbContext db, List<Guid> roots, Guid target, CancellationToken cancellationToken)
    {
        foreach (var root in roots)
        {
            var visited = new HashSet<Guid> { root };
            var level = new List<Guid> { root };
            while (level.Count > 0)
            {
                var children = await db.GroupMembers
                    .Where(m => level.Contains(m.GroupId) && m.Type == MemberType.Group)
                    .Select(m => m.MemberId).Distinct().ToListAsync(cancellationToken);
                if (children.Contains(target))
                {
                    return root;
                }

                level = children.Where(visited.Add).ToList();
            }
        }

        return null;
    }

    private static async Task InsertMissingAsync(
        IScimDbContext db, Guid organizationId, Guid groupId, IReadOnlyDictionary<Guid, MemberType> members, CancellationToken cancellationToken)
    {
        var existing = new HashSet<Guid>();
        foreach (var chunk in members.Keys.Chunk(500))
        {
            existing.UnionWith(await db.GroupMembers.Where(m => m.GroupId == groupId && chunk.Contains(m.MemberId))
                .Select(m => m.MemberId).ToListAsync(cancellationToken));
        }

        db.GroupMembers.AddRange(members.Where(m => !existing.Contains(m.Key)).Select(m => new GroupMember
        {
            OrganizationId = organizationId,
            GroupId = groupId,
            MemberId = m.Key,
            Type = m.Value,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
