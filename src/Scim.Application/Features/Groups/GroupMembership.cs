using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Filtering;
using Scim.Protocol;
using Scim.Protocol.Patching;

namespace Scim.Application.Features.Groups;

/// <summary>
/// Plans member operations on a group's membership rows, in request order. Every id that is added is checked first
/// (one count when all are users' ids, as Entra sends them): an unknown id fails the whole request with 400
/// invalidValue naming only the unknown ids, before anything is written: a PATCH applies all its operations or none
/// (RFC 7644 §3.5.2), so silently skipping one member would half-apply it.
/// </summary>
internal static class GroupMembership
{
    // Unknown member ids named in the 400's detail at most.
    private const int MaxUnknownNamed = 20;

    /// <summary>The <c>members</c> of a POST or PUT body as one replace operation, removed from <paramref name="resource"/>.</summary>
    public static IReadOnlyList<MemberOperation> TakeMembers(JsonObject resource)
    {
        var members = resource["members"] as JsonArray;
        resource.Remove("members");
        var values = members?.OfType<JsonObject>()
            .Select(m => new MemberValue(m["value"]!.GetValue<string>(), m["type"]?.GetValue<string>()))
            .ToList() ?? [];
        return [new ReplaceMembers(values)];
    }

    /// <summary>
    /// Turns <paramref name="operations"/> on group <paramref name="groupId"/> into one <see cref="MemberChange"/>, or
    /// 400 invalidValue for an unknown id or a <c>type</c> that is not the type of the resource the id names. The
    /// operations are folded, in order, into a net change (which rows to delete, which ids to insert), so the same id
    /// added, removed and added again in one request is one insert. Everything is read here, before the write; the
    /// write is conditional on the group's version, so what was read still holds when it is applied. A group being
    /// created (<paramref name="created"/>) has no rows to read.
    /// </summary>
    public static async Task<Result<MemberChange>> PlanAsync(
        IScimDbContext db, Guid groupId, bool created, IReadOnlyList<MemberOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count == 0)
        {
            return MemberChange.None;
        }

        var members = operations.SelectMany(o => o switch
        {
            AddMembers add => add.Members,
            ReplaceMembers replace => replace.Members,
            _ => [],
        }).ToList();
        var added = members.Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        var resolved = await ResolveAsync(db, groupId, added, cancellationToken);
        if (!resolved.IsSuccess)
        {
            return resolved.Error;
        }

        // type is immutable (RFC 7643 §4.2): what a client may give is the type of the resource the id names.
        if (members.FirstOrDefault(m => m.Type is not null
            && !string.Equals(m.Type, resolved.Value![ScimId.Parse(m.Value)].ToString(), StringComparison.OrdinalIgnoreCase)) is { } mistyped)
        {
            return ScimError.InvalidValue(
                $"members: '{mistyped.Value}' is a {resolved.Value![ScimId.Parse(mistyped.Value)]}, not a {mistyped.Type}; "
                + "send the type of the resource the id names, or leave type out. Nothing was changed.");
        }

        var change = new NetChange(resolved.Value!);
        foreach (var operation in operations)
        {
            if (change.Fold(operation) is { } error)
            {
                return error;
            }
        }

        var removed = change.Removed.ToHashSet();
        var cleared = 0;
        if (!change.ClearsExisting)
        {
            // Rows removed by a filter (members[display co "x"]) become ids now: the rows cannot change before the
            // conditional write, and the write then deletes by id.
            var rows = db.GroupMembers.Where(m => m.GroupId == groupId);
            foreach (var filter in change.ExistingRemovedWhere)
            {
                removed.UnionWith(await rows.Where(filter).Select(m => m.MemberId).ToListAsync(cancellationToken));
            }
        }
        else if (!created)
        {
            // Clearing a large group is a large write: counted, so the writer treats it as one (a batch of its own, and
            // on SQLite it gives way to other organizations' small writes).
            cleared = await db.GroupMembers.CountAsync(m => m.GroupId == groupId, cancellationToken);
        }

        return new MemberChange(
            change.ExistingRemovedWhere.Count > 0,
            change.ClearsExisting,
            [.. removed],
            [.. change.Added.Where(m => m.Value == MemberType.User).Select(m => m.Key)],
            [.. change.Added.Where(m => m.Value == MemberType.Group).Select(m => m.Key)],
            cleared);
    }

    private static async Task<Result<Dictionary<Guid, MemberType>>> ResolveAsync(
        IScimDbContext db, Guid groupId, List<string> values, CancellationToken cancellationToken)
    {
        var ids = values.Select(v => ScimId.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var types = new Dictionary<Guid, MemberType>(ids.Count);
        // One array parameter (SQLite: a JSON array read by json_each; PostgreSQL: = ANY): EF Core 10 otherwise binds one
        // parameter per id, and SQLite finds each by name among all of them (measured: 14 % of a 5,000-member PATCH's CPU).
        // The usual request adds users that exist: they are counted, not read back (each row a string parsed again).
        if (await db.Users.CountAsync(u => EF.Parameter(ids).Contains(u.Id), cancellationToken) == ids.Count)
        {
            foreach (var id in ids)
            {
                types[id] = MemberType.User;
            }
        }
        else
        {
            foreach (var id in await db.Users.Where(u => EF.Parameter(ids).Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken))
            {
                types[id] = MemberType.User;
            }

            // Only the ids that are no user's can be groups'.
            var rest = ids.Where(id => !types.ContainsKey(id)).ToList();
            foreach (var id in await db.Groups.Where(g => EF.Parameter(rest).Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken))
            {
                types[id] = MemberType.Group;
            }
        }

        var unknown = values.Where(v => !ScimId.TryParse(v, out var g) || !types.ContainsKey(g)).ToList();
        if (unknown.Count > 0)
        {
            // The first few: a list of 5,000 wrong ids would make a detail of 200 KB.
            var named = string.Join(", ", unknown.Take(MaxUnknownNamed).Select(u => $"'{u}'"));
            var more = unknown.Count > MaxUnknownNamed ? $" and {unknown.Count - MaxUnknownNamed:N0} more" : "";
            return ScimError.InvalidValue($"members: no User or Group of this organization has the id {named}{more}; nothing was changed.");
        }

        if (types.ContainsKey(groupId))
        {
            return ScimError.InvalidValue("members: a group cannot be a member of itself; nothing was changed.");
        }

        var nested = types.Where(t => t.Value == MemberType.Group).Select(t => t.Key).ToList();
        return await ContainsAsync(db, nested, groupId, cancellationToken) is { } via ? Cycle(via) : types;
    }

    /// <summary>400 invalidValue: adding group <paramref name="via"/> would make a cycle.</summary>
    public static ScimError Cycle(Guid via) => ScimError.InvalidValue(
        $"members: group '{via}' already contains this group (directly or through other groups), so adding it would make a cycle; nothing was changed.");

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
}

/// <summary>
/// The net change of a request's member operations, ready to write: every existing row removed
/// (<see cref="ClearsExisting"/>) or the rows of <see cref="Removed"/>, then the ids added.
/// </summary>
/// <param name="DependsOnRead">True when the change was computed from the rows read (members removed by a filter):
/// it may only be written if the group has not changed since.</param>
/// <param name="ClearsExisting">True when every row that existed before the request goes (replace or clear).</param>
/// <param name="Removed">Existing member ids to delete, when not <paramref name="ClearsExisting"/>.</param>
/// <param name="AddedUsers">User ids to insert unless already members.</param>
/// <param name="AddedGroups">Group ids to insert unless already members.</param>
/// <param name="Cleared">The rows <paramref name="ClearsExisting"/> found when the change was planned.</param>
internal sealed record MemberChange(
    bool DependsOnRead, bool ClearsExisting, IReadOnlyList<Guid> Removed, IReadOnlyList<Guid> AddedUsers, IReadOnlyList<Guid> AddedGroups, int Cleared = 0)
{
    /// <summary>No change at all.</summary>
    public static MemberChange None { get; } = new(false, false, [], [], []);

    /// <summary>About how many rows the change writes (the batch size hint of <see cref="IResourceWriter"/>).</summary>
    public int Rows => Removed.Count + Cleared + AddedUsers.Count + AddedGroups.Count;

    /// <summary>
    /// Writes the change to group <paramref name="groupId"/> once the write of the group's own row succeeded
    /// (<paramref name="groupWritten"/>, which is returned as it is otherwise): one delete and at most two inserts,
    /// whatever the size; 400 invalidValue when a nested group added contains the group by now (checked again inside
    /// the write, since another request may have nested them the other way after this one read).
    /// </summary>
    public async ValueTask<Result<bool>> ApplyAsync(IWriteSession session, Guid groupId, Result<bool> groupWritten)
    {
        if (!groupWritten.IsSuccess)
        {
            return groupWritten;
        }

        if (await session.FindContainingGroupAsync(AddedGroups, groupId) is { } via)
        {
            return GroupMembership.Cycle(via);
        }

        if (ClearsExisting || Removed.Count > 0)
        {
            await session.DeleteMembersAsync(groupId, ClearsExisting ? null : Removed);
        }

        await session.InsertMembersAsync(groupId, AddedUsers, MemberType.User);
        await session.InsertMembersAsync(groupId, AddedGroups, MemberType.Group);
        return true;
    }
}
