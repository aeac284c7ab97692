using System.Text.Json.Nodes;

namespace Scim.IdpReplay.Entra;

internal sealed partial class EntraCycle
{
    /// <summary>Match-then-create for every group (look up <c>displayName eq</c>, create when absent), then the case-insensitive duplicate.</summary>
    private async Task CreateGroupsAsync(CancellationToken ct)
    {
        const string Step = "create-groups";
        foreach (var group in _groups)
        {
            var lookup = await Http.GetAsync(Step, EntraRequests.GroupLookup(group.DisplayName), ct, 200);
            Check.List(Step, lookup, 0);
            var created = await Http.PostAsync(Step, "Groups", EntraRequests.CreateGroup(group), ct, 201);
            if (created.Status != 201 || created.Object is not { } body)
            {
                continue;
            }

            var id = Checks.Text(body["id"]);
            if (!Check.That(Step, created, !string.IsNullOrEmpty(id), "a server-assigned id", "no id"))
            {
                continue;
            }

            group.Id = id;
            Check.That(Step, created, created.Location?.ToString().EndsWith("/Groups/" + id, StringComparison.Ordinal) == true,
                $"Location header ending in /Groups/{id}", $"Location {created.Location?.ToString() ?? "(missing)"}");
            Check.Equal(Step, created, "displayName", group.DisplayName, body["displayName"]);
            Check.Equal(Step, created, "externalId", group.ExternalId, body["externalId"]);
            var members = Checks.MemberIds(body);
            Check.That(Step, created, members.Count == 0, "no members on a new group", $"{members.Count} members");
        }

        // displayName is unique, case-insensitively (§2.8, §2.9 "Create a duplicate Group").
        var first = _groups[0];
        if (first.Id is not null)
        {
            var duplicate = EntraRequests.CreateGroup(first);
            duplicate["displayName"] = first.DisplayName.ToUpperInvariant();
            duplicate["externalId"] = Guid.NewGuid().ToString();
            await Http.PostAsync(Step, "Groups", duplicate, ct, 409);
        }
    }

    /// <summary>Membership in batches (§2.11): group 0 gets every user, group g the users with index % count == g.</summary>
    private async Task AddMembersAsync(CancellationToken ct)
    {
        const string Step = "add-members";
        foreach (var group in _groups.Where(g => g.Exists))
        {
            var members = _users.Where(u => u.Exists && (group.Index == 0 || u.Index % _groups.Count == group.Index)).ToList();
            var batches = members.Chunk(MemberBatchSize).ToList();
            for (var b = 0; b < batches.Count; b++)
            {
                var ids = batches[b].Select(u => u.Id!).ToList();
                // With the flag on, the first batch goes out as one op per member; the rest as multi-member ops.
                var patch = group.Dialect == EntraDialect.Compliant && b == 0
                    ? ScimMessages.Patch([.. ids.Select(id => EntraRequests.AddMembers(EntraDialect.Compliant, [id]))])
                    : ScimMessages.Patch(EntraRequests.AddMembers(group.Dialect, ids));
                var response = await Http.PatchAsync(Step, $"Groups/{group.Id}", patch, ct, 204, 200);
                if (response.IsSuccess)
                {
                    group.MemberIds.UnionWith(ids);
                }
            }
        }

        var all = _groups[0];
        if (all.Exists && all.MemberIds.Count > 0)
        {
            // Re-adding a member is a successful no-op (RFC 7644 §3.5.2.1, §2.11); membership must not duplicate it.
            var again = ScimMessages.Patch(EntraRequests.AddMembers(EntraDialect.Legacy, [all.MemberIds.First()]));
            await Http.PatchAsync(Step, $"Groups/{all.Id}", again, ct, 204, 200);

            // Entra always excludes members (§2.10); the key must then be absent.
            var excluded = await Http.GetAsync(Step, $"Groups/{all.Id}?excludedAttributes=members", ct, 200);
            Check.That(Step, excluded, excluded.Object is null || Checks.Property(excluded.Object, "members") is null,
                "no members with excludedAttributes=members", "a members attribute");
            await CheckGroupAsync(Step, all, ct);
        }
    }

    /// <summary>Member removal in both dialects (§2.11), verified by reading the group.</summary>
    private async Task RemoveMembersAsync(CancellationToken ct)
    {
        const string Step = "remove-members";
        var legacy = _groups.First(g => g.Dialect == EntraDialect.Legacy);
        var compliant = _groups.First(g => g.Dialect == EntraDialect.Compliant);
        await RemoveMemberAsync(Step, legacy, User(RemovedMemberIndex), ct);
        var target = _users.FirstOrDefault(u => u.Exists && compliant.MemberIds.Contains(u.Id!));
        if (target is not null)
        {
            await RemoveMemberAsync(Step, compliant, target, ct);
        }
    }

    private async Task RemoveMemberAsync(string step, GroupModel group, UserModel user, CancellationToken ct)
    {
        if (!group.Exists || !user.Exists)
        {
            return;
        }

        var patch = ScimMessages.Patch(EntraRequests.RemoveMember(group.Dialect, user.Id!));
        var response = await Http.PatchAsync(step, $"Groups/{group.Id}", patch, ct, 204, 200);
        if (response.IsSuccess)
        {
            group.MemberIds.Remove(user.Id!);
        }

        // Only the listed member goes (a known reference-code bug removed all, §2.11); the deleted user is gone too.
        await CheckGroupAsync(step, group, ct);
    }

    /// <summary>Rename (§2.12): the new name reads back and matches case-insensitively; the old name no longer matches.</summary>
    private async Task RenameGroupAsync(CancellationToken ct)
    {
        const string Step = "rename-group";
        var group = _groups[0];
        if (!group.Exists)
        {
            return;
        }

        var oldName = group.DisplayName;
        var newName = oldName + " renamed";
        var patch = ScimMessages.Patch(ScimMessages.Op("Replace", "displayName", newName));
        if (!(await Http.PatchAsync(Step, $"Groups/{group.Id}", patch, ct, 204, 200)).IsSuccess)
        {
            return;
        }

        group.DisplayName = newName;
        await CheckGroupAsync(Step, group, ct);
        Check.List(Step, await Http.GetAsync(Step, EntraRequests.GroupLookup(oldName), ct, 200), 0);
        var lookup = await Http.GetAsync(Step, EntraRequests.GroupLookup(newName.ToUpperInvariant()), ct, 200);
        var found = Check.List(Step, lookup, 1);
        if (found.Count == 1)
        {
            Check.Equal(Step, lookup, "id", group.Id, found[0]["id"]);
            Check.That(Step, lookup, Checks.Property(found[0], "members") is null,
                "no members with excludedAttributes=members", "a members attribute");
        }
    }

    /// <summary>Group delete (§2.13): 204, then 404 on GET and on a second DELETE, and no match by name.</summary>
    private async Task DeleteGroupAsync(CancellationToken ct)
    {
        const string Step = "delete-group";
        var group = _groups[^1];
        if (!group.Exists)
        {
            return;
        }

        if ((await Http.DeleteAsync(Step, $"Groups/{group.Id}", ct, 204)).Status != 204)
        {
            return;
        }

        group.Deleted = true;
        Check.NotFoundError(Step, await Http.GetAsync(Step, $"Groups/{group.Id}", ct, 404));
        Check.NotFoundError(Step, await Http.DeleteAsync(Step, $"Groups/{group.Id}", ct, 404));
        Check.List(Step, await Http.GetAsync(Step, EntraRequests.GroupLookup(group.DisplayName), ct, 200), 0);
    }

    /// <summary>GET Groups/{id} (members included) and compare name, externalId and the exact member set.</summary>
    private async Task CheckGroupAsync(string step, GroupModel group, CancellationToken ct)
    {
        var response = await Http.GetAsync(step, $"Groups/{group.Id}", ct, 200);
        if (response.Status != 200 || response.Object is not JsonObject body)
        {
            return;
        }

        Check.Equal(step, response, "id", group.Id, body["id"]);
        Check.Equal(step, response, "displayName", group.DisplayName, body["displayName"]);
        Check.Equal(step, response, "externalId", group.ExternalId, body["externalId"]);
        var names = _users.Where(u => u.Id is not null).ToDictionary(u => u.Id!, u => $"user{u.Index}", StringComparer.Ordinal);
        Check.Members(step, response, body, group.MemberIds, names);
    }
}
