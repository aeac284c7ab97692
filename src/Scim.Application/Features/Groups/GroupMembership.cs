using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common;
using Scim.Application.Common.Patching;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Filtering;
using Scim.Filtering.Translation;

namespace Scim.Application.Features.Groups;

/// <summary>
/// Applies member operations to a group's membership rows, in request order, inside the caller's transaction.
/// Every id that is added is checked first, in one query: an unknown id fails the whole request with 400
/// invalidValue naming only the unknown ids (pinned decision for RFC 7644 §3.5.2 atomicity), before any row changes.
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

    /// <summary>Applies <paramref name="operations"/> to group <paramref name="groupId"/>; null on success.</summary>
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

        var types = resolved.Value!;
        var group = db.GroupMembers.Where(m => m.GroupId == groupId);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case AddMembers add:
                    await InsertMissingAsync(db, organizationId, groupId, add.Members, types, cancellationToken);
                    break;
                case ReplaceMembers replace:
                    await group.ExecuteDeleteAsync(cancellationToken);
                    await InsertMissingAsync(db, organizationId, groupId, replace.Members, types, cancellationToken);
                    break;
                case ClearMembers:
                    await group.ExecuteDeleteAsync(cancellationToken);
                    break;
                case RemoveMembers remove:
                    // Ids that are not members (or not ids at all) are a successful no-op.
                    var ids = remove.Ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
                    await group.Where(m => ids.Contains(m.MemberId)).ExecuteDeleteAsync(cancellationToken);
                    break;
                case RemoveMembersWhere where:
                    var predicate = CompileMemberFilter(where.Filter);
                    if (!predicate.IsSuccess)
                    {
                        return predicate.Error;
                    }

                    await group.Where(predicate.Value!).ExecuteDeleteAsync(cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"Unhandled member operation {operation.GetType().Name}.");
            }
        }

        return null;
    }

    private static Result<System.Linq.Expressions.Expression<Func<GroupMember, bool>>> CompileMemberFilter(Filtering.Ast.FilterNode filter)
    {
        try
        {
            return FilterExpressionBuilder.Build(filter, GroupFilterMap.MemberMap);
        }
        catch (ScimFilterException ex)
        {
            return ScimError.InvalidPath($"members filter: {ex.Message}");
        }
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

        return types.ContainsKey(groupId)
            ? ScimError.InvalidValue("members: a group cannot be a member of itself; nothing was changed.")
            : types;
    }

    private static async Task InsertMissingAsync(
        IScimDbContext db, Guid organizationId, Guid groupId, IReadOnlyList<MemberValue> members,
        Dictionary<Guid, MemberType> types, CancellationToken cancellationToken)
    {
        var ids = members.Select(m => Guid.Parse(m.Value)).Distinct().ToList();
        var existing = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(500))
        {
            existing.UnionWith(await db.GroupMembers.Where(m => m.GroupId == groupId && chunk.Contains(m.MemberId))
                .Select(m => m.MemberId).ToListAsync(cancellationToken));
        }

        db.GroupMembers.AddRange(ids.Where(id => !existing.Contains(id)).Select(id => new GroupMember
        {
            OrganizationId = organizationId,
            GroupId = groupId,
            MemberId = id,
            Type = types[id],
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
