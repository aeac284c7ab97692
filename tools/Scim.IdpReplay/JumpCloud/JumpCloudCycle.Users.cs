using System.Text.Json.Nodes;

namespace Scim.IdpReplay.JumpCloud;

internal sealed partial class JumpCloudCycle
{
    /// <summary>Every user bound to the application: looked up by userName, created when absent.</summary>
    private async Task ProvisionUsersAsync(CancellationToken ct)
    {
        const string Step = "provision-users";
        foreach (var user in _users)
        {
            Check.List(Step, await Http.GetAsync(Step, JumpCloudRequests.UserLookup(user.UserName), ct, 200), 0);
            await CreateUserAsync(Step, user, ct);
        }
    }

    /// <summary>Attribute changes (every other user): one replace per attribute, each with its path.</summary>
    private async Task UpdateUsersAsync(CancellationToken ct)
    {
        const string Step = "update-users";
        foreach (var user in _users.Where(u => u.Exists && u.Index % 2 == 0))
        {
            var givenName = $"{user.Profile["name"]!["givenName"]}b";
            await ReplaceAsync(Step, user,
            [
                ("name.givenName", JsonValue.Create(givenName)),
                ("name.familyName", JsonValue.Create($"{user.Profile["name"]!["familyName"]}-updated")),
                ("displayName", JsonValue.Create($"{givenName} (updated)")),
                ("title", JsonValue.Create("Senior Analyst")),
            ], ct);
        }
    }

    /// <summary>
    /// A user unbound from the application is set inactive (replace of <c>active</c> with its path); it stays readable by
    /// id and by lookup, and inactive through later attribute updates. Bound again, it is set active.
    /// </summary>
    private async Task DeprovisionUsersAsync(CancellationToken ct)
    {
        const string Step = "deprovision-users";
        var stays = User(StaysInactiveIndex);
        if (stays.Exists && await ReplaceAsync(Step, stays, [("active", JsonValue.Create(false))], ct))
        {
            var lookup = await Http.GetAsync(Step, JumpCloudRequests.UserLookup(stays.UserName), ct, 200);
            if (Check.List(Step, lookup, 1) is [var found])
            {
                Check.Contains(Step, lookup, stays.Profile, found);
            }

            await ReplaceAsync(Step, stays, [("title", JsonValue.Create("Former Analyst"))], ct);
        }

        var reactivated = User(ReactivatedIndex);
        if (reactivated.Exists && await ReplaceAsync(Step, reactivated, [("active", JsonValue.Create(false))], ct))
        {
            await ReplaceAsync(Step, reactivated, [("active", JsonValue.Create(true))], ct);
        }
    }

    /// <summary>A user deleted in JumpCloud: DELETE, 204, then 404, no match by userName, and in no group any more.</summary>
    private async Task DeleteUserAsync(CancellationToken ct)
    {
        const string Step = "delete-user";
        var user = User(DeletedIndex);
        if (!user.Exists || !await DeleteAsync(Step, $"Users/{user.Id}", ct))
        {
            return;
        }

        user.Deleted = true;
        Check.List(Step, await Http.GetAsync(Step, JumpCloudRequests.UserLookup(user.UserName), ct, 200), 0);
        foreach (var group in _groups.Where(g => g.Exists && g.Members.Remove(user.Id!)))
        {
            await CheckGroupAsync(Step, group, ct);
        }
    }

    /// <summary>Final read-back of every remaining user and group.</summary>
    private async Task FinalStateAsync(CancellationToken ct)
    {
        const string Step = "final-state";
        foreach (var user in _users.Where(u => u.Exists))
        {
            await GetUserAsync(Step, user, ct);
        }

        foreach (var group in _groups.Where(g => g.Exists))
        {
            await CheckGroupAsync(Step, group, ct);
        }
    }
}
