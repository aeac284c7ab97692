using System.Text.Json.Nodes;

namespace Scim.IdpReplay.Okta;

internal sealed partial class OktaCycle
{
    /// <summary>Push New Users: look the userName up, create when absent; then a re-assignment finds the user and a second create is a 409.</summary>
    private async Task PushNewUsersAsync(CancellationToken ct)
    {
        const string Step = "push-new-users";
        foreach (var user in _users)
        {
            Check.List(Step, await Http.GetAsync(Step, OktaRequests.UserLookup(user.UserName), ct, 200), 0);
            var created = await Http.PostAsync(Step, "Users", OktaRequests.CreateUser(user), ct, 201);
            if (created.Object is not { } body || !created.IsSuccess)
            {
                continue;
            }

            var id = Checks.Text(body["id"]);
            if (!Check.That(Step, created, !string.IsNullOrEmpty(id), "a server-assigned id", "no id"))
            {
                continue;
            }

            user.Id = id;
            Check.That(Step, created, created.Location?.ToString().EndsWith("/Users/" + id, StringComparison.Ordinal) == true,
                $"Location header ending in /Users/{id}", $"Location {created.Location?.ToString() ?? "(missing)"}");
            Check.Contains(Step, created, user.Profile, body);
            Check.NoPassword(Step, created);
        }

        // Assigning a user the server already has: the lookup returns it, and Okta links to its id instead of creating.
        var reassigned = User(ReassignedIndex);
        if (reassigned.Id is null)
        {
            return;
        }

        var lookup = await Http.GetAsync(Step, OktaRequests.UserLookup(reassigned.UserName), ct, 200);
        if (Check.List(Step, lookup, 1) is [var found])
        {
            Check.Equal(Step, lookup, "id", reassigned.Id, found["id"]);
        }

        // A create of a taken userName must stop the job with 409 (RFC 7644 §3.3), never create a second user.
        var conflict = await Http.PostAsync(Step, "Users", OktaRequests.CreateUser(reassigned), ct, 409);
        Check.Equal(Step, conflict, "scimType", "uniqueness", conflict.Object?["scimType"]);
    }

    /// <summary>
    /// Push Profile Updates: GET the user, change the attributes whose source changed, PUT the whole body back (with
    /// <c>id</c>, <c>meta</c> and <c>groups</c> as read). The PUT's answer is the user as PUT, and GET returns the same.
    /// </summary>
    private async Task PushProfileUpdatesAsync(CancellationToken ct)
    {
        const string Step = "push-profile-updates";
        foreach (var user in _users.Where(u => u.Id is not null && (u.Index % 3 == 0 || u.Index == PasswordSyncIndex)))
        {
            await UpdateProfileAsync(Step, user, put =>
            {
                var name = (JsonObject)put["name"]!;
                name["givenName"] = $"{name["givenName"]}b";
                // Okta sends attributes it has no value for as "" (its GET example shows "middleName": "").
                name["middleName"] = user.Index % 2 == 0 ? "" : "Middle";
                put["displayName"] = $"{name["givenName"]} {name["familyName"]}";
                put["locale"] = "fr-FR";
                put["title"] = "Engineer";
                if (user.Index == PasswordSyncIndex)
                {
                    // App Integration Wizard integrations sync passwords with the PUT of the profile.
                    put["password"] = OktaRequests.NewPassword();
                }
            }, ct);
        }
    }

    /// <summary>
    /// Deactivate Users / reactivation: PATCH <c>active</c> (OIN integrations) or a GET then PUT with <c>active:false</c>
    /// (App Integration Wizard ones). A deactivated user stays readable, by id and by lookup, and stays deactivated
    /// through later password syncs and profile updates. Okta never deletes a user.
    /// </summary>
    private async Task DeactivateAsync(CancellationToken ct)
    {
        const string Step = "deactivate-users";
        var stays = User(StaysDeactivatedIndex);
        if (stays.Id is not null && await SetActiveAsync(Step, stays, false, ct))
        {
            var lookup = await Http.GetAsync(Step, OktaRequests.UserLookup(stays.UserName), ct, 200);
            if (Check.List(Step, lookup, 1) is [var found])
            {
                Check.Contains(Step, lookup, stays.Profile, found);
            }

            await SyncPasswordAsync(Step, stays, ct);
            await UpdateProfileAsync(Step, stays, put => put["displayName"] = $"{put["displayName"]} (left)", ct);
        }

        var byPut = User(DeactivatedByPutIndex);
        if (byPut.Id is not null && await UpdateProfileAsync(Step, byPut, put => put["active"] = false, ct))
        {
            await SetActiveAsync(Step, byPut, true, ct);
        }

        var reactivated = User(ReactivatedIndex);
        if (reactivated.Id is not null && await SetActiveAsync(Step, reactivated, false, ct))
        {
            await SetActiveAsync(Step, reactivated, true, ct);
        }

        var synced = User(PasswordSyncIndex);
        if (synced.Id is not null)
        {
            await SyncPasswordAsync(Step, synced, ct);
        }
    }

    /// <summary>GET, change, PUT; then the answer and a new GET must both be the user as PUT. False when the PUT failed.</summary>
    private async Task<bool> UpdateProfileAsync(string step, ReplayUser user, Action<JsonObject> change, CancellationToken ct)
    {
        var read = await Http.GetAsync(step, $"Users/{user.Id}", ct, 200);
        if (read.Object is not { } put || !read.IsSuccess)
        {
            return false;
        }

        change(put);
        var replaced = await Http.PutAsync(step, $"Users/{user.Id}", put, ct, 200);
        if (!replaced.IsSuccess || replaced.Object is not { } answer)
        {
            return false;
        }

        // From now on Okta's view of the user is what it PUT.
        user.Remember(put);

        Check.Equal(step, replaced, "id", user.Id, answer["id"]);
        Check.Contains(step, replaced, user.Profile, answer);
        Check.NoPassword(step, replaced);
        var again = await GetUserAsync(step, user, ct);
        if (again is { Object: { } body })
        {
            Check.That(step, again, JsonNode.DeepEquals(answer, body), "GET returning what the PUT answered", $"PUT answered {answer.ToJsonString()}");
        }

        return true;
    }

    /// <summary>PATCH <c>{"op":"replace","value":{"active":…}}</c>: 200 with the user or 204, and GET agrees. False when the PATCH failed.</summary>
    private async Task<bool> SetActiveAsync(string step, ReplayUser user, bool active, CancellationToken ct)
    {
        var patched = await Http.PatchAsync(step, $"Users/{user.Id}", OktaRequests.SetActive(active), ct, 200, 204);
        if (!patched.IsSuccess)
        {
            return false;
        }

        user.Profile["active"] = active;
        if (patched.Object is { } body)
        {
            Check.Contains(step, patched, user.Profile, body);
        }

        await GetUserAsync(step, user, ct);
        return true;
    }

    /// <summary>Password sync by PATCH: a success that changes nothing the user's GET shows (and never returns the password).</summary>
    private async Task SyncPasswordAsync(string step, ReplayUser user, CancellationToken ct)
    {
        var patched = await Http.PatchAsync(step, $"Users/{user.Id}", OktaRequests.SyncPassword(OktaRequests.NewPassword()), ct, 200, 204);
        if (patched.Object is not null)
        {
            Check.NoPassword(step, patched);
        }

        await GetUserAsync(step, user, ct);
    }

    /// <summary>GET Users/{id}: the user as Okta last sent it, without its password.</summary>
    private async Task<ScimResponse?> GetUserAsync(string step, ReplayUser user, CancellationToken ct)
    {
        var response = await Http.GetAsync(step, $"Users/{user.Id}", ct, 200);
        if (response.Object is not { } body || !response.IsSuccess)
        {
            return null;
        }

        Check.Equal(step, response, "id", user.Id, body["id"]);
        Check.Contains(step, response, user.Profile, body);
        Check.NoPassword(step, response);
        return response;
    }
}
