using System.Text.Json.Nodes;

namespace Scim.IdpReplay.Entra;

internal sealed partial class EntraCycle
{
    /// <summary>Match-then-create for every user (look up <c>userName eq</c>, create when absent), then case-insensitive matching and uniqueness.</summary>
    private async Task CreateUsersAsync(CancellationToken ct)
    {
        const string Step = "create-users";
        foreach (var user in _users)
        {
            var lookup = await Http.GetAsync(Step, EntraRequests.UserLookup(user.UserName), ct, 200);
            Check.List(Step, lookup, 0);
            var created = await Http.PostAsync(Step, "Users", EntraRequests.CreateUser(user), ct, 201);
            if (created.Status != 201 || created.Object is not { } body)
            {
                continue;
            }

            user.Id = Checks.Text(body["id"]);
            if (!Check.That(Step, created, !string.IsNullOrEmpty(user.Id), "a server-assigned id", "no id"))
            {
                user.Id = null;
                continue;
            }

            Check.That(Step, created, created.Location?.ToString().EndsWith("/Users/" + user.Id, StringComparison.Ordinal) == true,
                $"Location header ending in /Users/{user.Id}", $"Location {created.Location?.ToString() ?? "(missing)"}");
            Check.Equal(Step, created, "userName", user.UserName, body["userName"]);
            Check.Equal(Step, created, "externalId", user.ExternalId, body["externalId"]);
            Check.Equal(Step, created, "meta.resourceType", "User", body["meta"]?["resourceType"]);
            if (user.SentNulls)
            {
                // Explicit nulls are "no value", never the string "null" or an empty element (§2.3).
                Check.Equal(Step, created, "title", null, body["title"]);
            }
        }

        await MatchExistingUsersAsync(Step, ct);
    }

    private async Task MatchExistingUsersAsync(string step, CancellationToken ct)
    {
        // userName is caseExact:false, so a differently cased lookup finds the user (§2.2, validator).
        var first = User(1);
        if (first.Id is not null)
        {
            var upper = await Http.GetAsync(step, EntraRequests.UserLookup(first.UserName.ToUpperInvariant()), ct, 200);
            var found = Check.List(step, upper, 1);
            if (found.Count == 1)
            {
                Check.Equal(step, upper, "id", first.Id, found[0]["id"]);
            }

            // Same userName in another case is a duplicate: 409 with scimType uniqueness (§2.3, §7 item 9).
            var duplicate = EntraRequests.CreateUser(first);
            duplicate["userName"] = first.UserName.ToUpperInvariant();
            var conflict = await Http.PostAsync(step, "Users", duplicate, ct, 409);
            if (conflict.Status == 409)
            {
                Check.Equal(step, conflict, "scimType", "uniqueness", conflict.Object?["scimType"]);
            }
        }

        // The form-encoded lookup must decode '+' and %40 and so find an existing user (§2.2).
        var second = User(2);
        if (second.Id is not null)
        {
            var plus = await Http.GetAsync(step, "Users?" + EntraRequests.FormEncodedFilter("userName", second.UserName), ct, 200);
            var found = Check.List(step, plus, 1);
            if (found.Count == 1)
            {
                Check.Equal(step, plus, "id", second.Id, found[0]["id"]);
            }
        }
    }

    /// <summary>Attribute updates in both dialects (§2.5), then a read-back of each changed user.</summary>
    private async Task UpdateUserAttributesAsync(CancellationToken ct)
    {
        const string Step = "update-users";
        var updated = _users.Where(u => u.Index % 3 != 0 && u.Exists).ToList();
        for (var ordinal = 0; ordinal < updated.Count; ordinal++)
        {
            var user = updated[ordinal];
            // Users created with "addresses": null always take the legacy path, so every run checks that a
            // filtered replace on a missing typed element creates it (§2.5).
            var dialect = user.SentNulls ? EntraDialect.Legacy : EntraDialects.For(Options.Dialect, ordinal);
            user.DisplayName += " (updated)";
            user.Email = $"user{user.Index}.new.{Options.RunId}@contoso.example";
            user.GivenName += "b";
            JsonObject patch;
            if (dialect == EntraDialect.Legacy)
            {
                user.Department = "Platform";
                user.Locality = "Shelbyville";
                patch = EntraRequests.LegacyAttributeUpdate(user);
            }
            else
            {
                user.FamilyName = $"Renamed-{Options.RunId}";
                user.EmployeeNumber = "X" + user.EmployeeNumber;
                patch = EntraRequests.CompliantAttributeUpdate(user);
            }

            await Http.PatchAsync(Step, $"Users/{user.Id}", patch, ct, 200, 204);
        }

        foreach (var user in updated)
        {
            await GetUserAsync(Step, user, ct);
        }
    }

    /// <summary>Manager references (§2.5 "Manager"): bare-string add in both casings, replace, and both ways of clearing.</summary>
    private async Task ManagersAsync(CancellationToken ct)
    {
        const string Step = "managers";
        var manager = User(ManagerIndex);
        var second = User(SecondManagerIndex);
        if (manager.Id is null || second.Id is null)
        {
            return;
        }

        await SetManagerAsync(Step, User(ClearedByReplaceIndex), ScimMessages.Op("Add", EntraRequests.ManagerPath, manager.Id), manager.Id, ct);
        await SetManagerAsync(Step, User(ClearedByRemoveIndex), ScimMessages.Op("add", EntraRequests.ManagerPath, manager.Id), manager.Id, ct);
        await SetManagerAsync(Step, User(ChangedManagerIndex), ScimMessages.Op("Add", EntraRequests.ManagerPath, manager.Id), manager.Id, ct);
        await SetManagerAsync(Step, User(ChangedManagerIndex), ScimMessages.Op("replace", EntraRequests.ManagerPath, second.Id), second.Id, ct);

        // The validator clears with {"value":""}; the RFC form is a plain remove. Both mean "no manager".
        await SetManagerAsync(Step, User(ClearedByReplaceIndex),
            ScimMessages.Op("replace", EntraRequests.ManagerPath, new JsonObject { ["value"] = "" }), null, ct);
        await SetManagerAsync(Step, User(ClearedByRemoveIndex), ScimMessages.Op("remove", EntraRequests.ManagerPath, null), null, ct);
    }

    private async Task SetManagerAsync(string step, UserModel user, JsonObject operation, string? managerId, CancellationToken ct)
    {
        if (!user.Exists)
        {
            return;
        }

        var patched = await Http.PatchAsync(step, $"Users/{user.Id}", ScimMessages.Patch(operation), ct, 200, 204);
        if (patched.IsSuccess)
        {
            user.ManagerId = managerId;
        }

        await GetUserAsync(step, user, ct);
    }

    /// <summary>Soft delete (§2.6): the legacy string "False" and the compliant boolean; disabled users stay readable by id and filter.</summary>
    private async Task DeactivateAsync(CancellationToken ct)
    {
        const string Step = "deactivate";
        var disabled = User(DisabledIndex);
        if (disabled.Exists && await SetActiveAsync(Step, disabled, EntraDialect.Legacy, false, ct))
        {
            var lookup = await Http.GetAsync(Step, EntraRequests.UserLookup(disabled.UserName), ct, 200);
            var found = Check.List(Step, lookup, 1);
            if (found.Count == 1)
            {
                Check.Equal(Step, lookup, "id", disabled.Id, found[0]["id"]);
                Check.Equal(Step, lookup, "active", "false", found[0]["active"]);
            }
        }

        var reenabled = User(ReenabledIndex);
        if (reenabled.Exists && await SetActiveAsync(Step, reenabled, EntraDialect.Compliant, false, ct))
        {
            await SetActiveAsync(Step, reenabled, EntraDialect.Compliant, true, ct);
        }
    }

    private async Task<bool> SetActiveAsync(string step, UserModel user, EntraDialect dialect, bool active, CancellationToken ct)
    {
        var patched = await Http.PatchAsync(step, $"Users/{user.Id}", EntraRequests.SetActive(dialect, active), ct, 200, 204);
        if (patched.IsSuccess)
        {
            user.Active = active;
        }

        await GetUserAsync(step, user, ct);
        return patched.IsSuccess;
    }

    /// <summary>Hard delete (§2.7): 204, then 404 on GET and on a second DELETE, and the user no longer matches or belongs to groups.</summary>
    private async Task DeleteUserAsync(CancellationToken ct)
    {
        const string Step = "delete-user";
        var user = User(DeletedIndex);
        if (!user.Exists)
        {
            return;
        }

        var deleted = await Http.DeleteAsync(Step, $"Users/{user.Id}", ct, 204);
        if (deleted.Status != 204)
        {
            return;
        }

        user.Deleted = true;
        foreach (var group in _groups)
        {
            group.MemberIds.Remove(user.Id!);
        }

        Check.NotFoundError(Step, await Http.GetAsync(Step, $"Users/{user.Id}", ct, 404));
        Check.NotFoundError(Step, await Http.DeleteAsync(Step, $"Users/{user.Id}", ct, 404));
        Check.List(Step, await Http.GetAsync(Step, EntraRequests.UserLookup(user.UserName), ct, 200), 0);
    }
}
