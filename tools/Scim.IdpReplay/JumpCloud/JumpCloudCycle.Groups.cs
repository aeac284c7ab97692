namespace Scim.IdpReplay.JumpCloud;

internal sealed partial class JumpCloudCycle
{
    /// <summary>Every user group bound to the application: looked up by name, created with its members (group g gets the users whose index is g modulo the group count).</summary>
    private async Task ProvisionGroupsAsync(CancellationToken ct)
    {
        const string Step = "provision-groups";
        foreach (var group in _groups)
        {
            Check.List(Step, await Http.GetAsync(Step, JumpCloudRequests.GroupLookup(group.DisplayName), ct, 200), 0);
            var members = _users.Where(u => u.Exists && u.Index % _groups.Count == group.Index).ToList();
            if (await CreateGroupAsync(Step, group, members, ct))
            {
                await CheckGroupAsync(Step, group, ct);
            }
        }
    }

    /// <summary>
    /// JumpCloud syncs a group's whole membership on every change: the same members are added again (a success that
    /// changes nothing), then again with a new member among them; a member who leaves is removed with a value array.
    /// </summary>
    private async Task SyncMembershipsAsync(CancellationToken ct)
    {
        const string Step = "sync-memberships";
        foreach (var group in _groups.Where(g => g.Exists))
        {
            await AddMembersAsync(Step, group, [], ct);
            var joining = _users.Where(u => u.Exists && !group.Members.ContainsKey(u.Id!)).Take(2).ToList();
            await AddMembersAsync(Step, group, joining, ct);
            await AddMembersAsync(Step, group, [], ct);
        }

        var first = _groups[0];
        var leaving = User(LeavingIndex);
        if (first.Exists && leaving.Exists && first.Members.ContainsKey(leaving.Id!)
            && (await Http.PatchAsync(Step, $"Groups/{first.Id}", JumpCloudRequests.RemoveMember(leaving.Id!), ct, 200, 204)).IsSuccess)
        {
            first.Members.Remove(leaving.Id!);
            await CheckGroupAsync(Step, first, ct);
        }
    }

    /// <summary>PATCH add with every current member plus <paramref name="joining"/>, then the exact set read back.</summary>
    private async Task AddMembersAsync(string step, ReplayGroup group, IReadOnlyCollection<ReplayUser> joining, CancellationToken ct)
    {
        var ids = group.Members.Keys.Concat(joining.Select(u => u.Id!)).ToList();
        if ((await Http.PatchAsync(step, $"Groups/{group.Id}", JumpCloudRequests.AddMembers(ids), ct, 200, 204)).IsSuccess)
        {
            group.AddMembers(joining);
        }

        await CheckGroupAsync(step, group, ct);
    }

    /// <summary>A group renamed in JumpCloud: replace of <c>displayName</c>; the new name matches, the old one no longer.</summary>
    private async Task RenameGroupAsync(CancellationToken ct)
    {
        const string Step = "rename-group";
        var group = _groups[0];
        if (!group.Exists)
        {
            return;
        }

        var oldName = group.DisplayName;
        var patch = ScimMessages.Patch(ScimMessages.Op("replace", "displayName", group.DisplayName + " renamed"));
        if (!(await Http.PatchAsync(Step, $"Groups/{group.Id}", patch, ct, 200, 204)).IsSuccess)
        {
            return;
        }

        group.DisplayName += " renamed";
        await CheckGroupAsync(Step, group, ct);
        Check.List(Step, await Http.GetAsync(Step, JumpCloudRequests.GroupLookup(oldName), ct, 200), 0);
        var lookup = await Http.GetAsync(Step, JumpCloudRequests.GroupLookup(group.DisplayName), ct, 200);
        if (Check.List(Step, lookup, 1) is [var found])
        {
            Check.Equal(Step, lookup, "id", group.Id, found["id"]);
        }
    }

    /// <summary>A managed group deleted in JumpCloud: DELETE, 204, then 404 and no match by name.</summary>
    private async Task DeleteGroupAsync(CancellationToken ct)
    {
        const string Step = "delete-group";
        var group = _groups[^1];
        if (group.Exists && await DeleteAsync(Step, $"Groups/{group.Id}", ct))
        {
            group.Deleted = true;
            Check.List(Step, await Http.GetAsync(Step, JumpCloudRequests.GroupLookup(group.DisplayName), ct, 200), 0);
        }
    }
}
