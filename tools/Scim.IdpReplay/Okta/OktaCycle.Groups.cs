namespace Scim.IdpReplay.Okta;

internal sealed partial class OktaCycle
{
    /// <summary>
    /// Push Groups: look the name up, create the group empty, then push its members (group g gets the users whose index
    /// is g modulo the group count). Each membership update follows the rename Okta sends with it, name unchanged.
    /// </summary>
    private async Task PushGroupsAsync(CancellationToken ct)
    {
        const string Step = "push-groups";
        foreach (var group in _groups)
        {
            Check.List(Step, await Http.GetAsync(Step, OktaRequests.GroupLookup(group.DisplayName), ct, 200), 0);
            var created = await Http.PostAsync(Step, "Groups", OktaRequests.CreateGroup(group.DisplayName), ct, 201);
            if (created.Object is not { } body || !created.IsSuccess)
            {
                continue;
            }

            var id = Checks.Text(body["id"]);
            if (!Check.That(Step, created, !string.IsNullOrEmpty(id), "a server-assigned id", "no id"))
            {
                continue;
            }

            group.Id = id;
            Check.Equal(Step, created, "displayName", group.DisplayName, body["displayName"]);
            Check.Members(Step, created, body, [], UserNames());
            var members = _users.Where(u => u.Id is not null && u.Index % _groups.Count == group.Index).ToList();
            foreach (var batch in members.Chunk(MemberBatchSize))
            {
                await UpdateMembersAsync(Step, group, [], batch, ct);
            }

            await CheckGroupAsync(Step, group, ct);
        }

        // A pushed group's name is taken: a second create of it (in another case) is a 409.
        var first = _groups[0];
        if (first.Exists)
        {
            var conflict = await Http.PostAsync(Step, "Groups", OktaRequests.CreateGroup(first.DisplayName.ToUpperInvariant()), ct, 409);
            Check.Equal(Step, conflict, "scimType", "uniqueness", conflict.Object?["scimType"]);
            var lookup = await Http.GetAsync(Step, OktaRequests.GroupLookup(first.DisplayName), ct, 200);
            if (Check.List(Step, lookup, 1) is [var found])
            {
                Check.Equal(Step, lookup, "id", first.Id, found["id"]);
            }
        }
    }

    /// <summary>
    /// Later Group Push work: a member leaves and another joins in one PATCH, a rename (path-less replace with the id),
    /// a full push of the membership with <c>replace</c>, and the App Integration Wizard's PUT with every member.
    /// </summary>
    private async Task UpdatePushedGroupsAsync(CancellationToken ct)
    {
        const string Step = "update-pushed-groups";
        var first = _groups[0];
        var second = _groups[1];
        var last = _groups[^1];
        if (first.Exists && first.Members.Count > 0)
        {
            var leaving = first.Members.Keys.First();
            var joining = _users.Where(u => u.Id is not null && !first.Members.ContainsKey(u.Id)).Take(1).ToList();
            await UpdateMembersAsync(Step, first, [leaving], joining, ct);
            await CheckGroupAsync(Step, first, ct);

            var oldName = first.DisplayName;
            if (await RenameAsync(Step, first, oldName + " renamed", ct))
            {
                Check.List(Step, await Http.GetAsync(Step, OktaRequests.GroupLookup(oldName), ct, 200), 0);
                var lookup = await Http.GetAsync(Step, OktaRequests.GroupLookup(first.DisplayName), ct, 200);
                if (Check.List(Step, lookup, 1) is [var found])
                {
                    Check.Equal(Step, lookup, "id", first.Id, found["id"]);
                }
            }
        }

        // Full pushes: every third user, then every fourth (members leave, join and stay in one request).
        if (second.Exists)
        {
            foreach (var every in new[] { 3, 4 })
            {
                var members = _users.Where(u => u.Id is not null && u.Index % every == 0).ToList();
                var pushed = await Http.PatchAsync(Step, $"Groups/{second.Id}", OktaRequests.PushMembers(members.Select(Member)), ct, 200, 204);
                if (pushed.IsSuccess)
                {
                    second.SetMembers(members);
                }

                await CheckGroupAsync(Step, second, ct);
            }
        }

        if (last.Exists && last != second)
        {
            foreach (var every in new[] { 2, 5 })
            {
                var members = _users.Where(u => u.Id is not null && u.Index % every == 1).ToList();
                var replaced = await Http.PutAsync(Step, $"Groups/{last.Id}", OktaRequests.ReplaceGroup(last.DisplayName, members.Select(Member)), ct, 200);
                if (replaced.IsSuccess)
                {
                    last.SetMembers(members);
                }

                if (replaced.Object is { } body)
                {
                    Check.Members(Step, replaced, body, last.Members.Keys, UserNames());
                }

                await CheckGroupAsync(Step, last, ct);
            }
        }
    }

    /// <summary>Unlink pushed group, "Delete the group in the target app": 204, then 404 and no match by name.</summary>
    private async Task DeletePushedGroupAsync(CancellationToken ct)
    {
        const string Step = "delete-pushed-group";
        var group = _groups[^1];
        if (!group.Exists || !(await Http.DeleteAsync(Step, $"Groups/{group.Id}", ct, 204)).IsSuccess)
        {
            return;
        }

        group.Deleted = true;
        Check.NotFoundError(Step, await Http.GetAsync(Step, $"Groups/{group.Id}", ct, 404));
        Check.List(Step, await Http.GetAsync(Step, OktaRequests.GroupLookup(group.DisplayName), ct, 200), 0);
    }

    /// <summary>The rename Okta sends before a membership update (name unchanged), then the membership PATCH itself.</summary>
    private async Task UpdateMembersAsync(string step, ReplayGroup group, IReadOnlyCollection<string> leaving, IReadOnlyCollection<ReplayUser> joining, CancellationToken ct)
    {
        if (!await RenameAsync(step, group, group.DisplayName, ct))
        {
            return;
        }

        var patch = OktaRequests.UpdateMembers(leaving, [.. joining.Select(Member)]);
        if ((await Http.PatchAsync(step, $"Groups/{group.Id}", patch, ct, 200, 204)).IsSuccess)
        {
            foreach (var id in leaving)
            {
                group.Members.Remove(id);
            }

            group.AddMembers(joining);
        }
    }

    /// <summary>PATCH <c>{"op":"replace","value":{"id":…,"displayName":…}}</c>; the answer (if any) and GET carry the name.</summary>
    private async Task<bool> RenameAsync(string step, ReplayGroup group, string displayName, CancellationToken ct)
    {
        var renamed = await Http.PatchAsync(step, $"Groups/{group.Id}", OktaRequests.RenameGroup(group.Id!, displayName), ct, 200, 204);
        if (!renamed.IsSuccess)
        {
            return false;
        }

        group.DisplayName = displayName;
        if (renamed.Object is { } body)
        {
            Check.Equal(step, renamed, "id", group.Id, body["id"]);
            Check.Equal(step, renamed, "displayName", displayName, body["displayName"]);
        }

        return true;
    }

    /// <summary>GET Groups/{id}: id, name and the exact member set.</summary>
    private async Task CheckGroupAsync(string step, ReplayGroup group, CancellationToken ct)
    {
        var response = await Http.GetAsync(step, $"Groups/{group.Id}", ct, 200);
        if (response.Object is not { } body || !response.IsSuccess)
        {
            return;
        }

        Check.Equal(step, response, "id", group.Id, body["id"]);
        Check.Equal(step, response, "displayName", group.DisplayName, body["displayName"]);
        Check.Members(step, response, body, group.Members.Keys, UserNames());
    }

    private static (string Id, string? Display) Member(ReplayUser user) => (user.Id!, user.UserName);
}
