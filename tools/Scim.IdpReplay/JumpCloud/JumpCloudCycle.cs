using System.Globalization;
using System.Text.Json.Nodes;

namespace Scim.IdpReplay.JumpCloud;

/// <summary>
/// JumpCloud's Identity Management traffic for a custom SCIM 2.0 integration; the steps live in the partial files next
/// to this one.
/// </summary>
/// <remarks>
/// Sources: JumpCloud's "Identity Management using a Custom SCIM Integration",
/// https://jumpcloud.com/support/provision-and-manage-users-and-groups-in-apps-using-custom-scim-identity-management-integration
/// (activation with a test user and a test group, both deleted again; bearer token; users created, updated, set
/// inactive and deleted; groups created, renamed, synced on every membership or group change, deleted; a group of an
/// existing name is taken over; empty groups are not created). The request shapes it does not show (one
/// <c>replace</c> with a path per changed attribute, <c>active</c> replaced with a path, members as bare
/// <c>{"value": id}</c>, a member removed with a value array) are those JumpCloud's traffic is recorded with by
/// third-party SCIM servers; the server accepts the other common forms too.
/// </remarks>
internal sealed partial class JumpCloudCycle : ReplayCycle
{
    // Fixed roles of users 1–4 (1-based): 1 leaves group 0; 2 is set inactive and stays so through an update;
    // 3 is set inactive and active again; 4 is deleted.
    private const int LeavingIndex = 1, StaysInactiveIndex = 2, ReactivatedIndex = 3, DeletedIndex = 4;

    private readonly List<ReplayUser> _users;
    private readonly List<ReplayGroup> _groups;

    public JumpCloudCycle(ScimRequestSender http, ReplayOptions options, TextWriter log)
        : base(http, options, log)
    {
        _users = [.. Enumerable.Range(1, options.Users).Select(i => JumpCloudRequests.NewUser(i, options.RunId))];
        _groups = [.. Enumerable.Range(0, options.Groups).Select(g => new ReplayGroup(g, $"JumpCloud Group {g} {options.RunId}"))];
    }

    protected override string Provider => "JumpCloud";

    protected override string ConnectionTest => "Activation";

    protected override string Sizes => string.Create(CultureInfo.InvariantCulture, $"{_users.Count} users, {_groups.Count} groups");

    protected override Task<bool> ConnectAsync(CancellationToken ct) => ActivateAsync(ct);

    protected override IEnumerable<Func<CancellationToken, Task>> Steps() =>
    [
        ProvisionUsersAsync, ProvisionGroupsAsync, SyncMembershipsAsync, UpdateUsersAsync, DeprovisionUsersAsync,
        DeleteUserAsync, RenameGroupAsync, DeleteGroupAsync, FinalStateAsync,
    ];

    /// <summary>
    /// Activation: a lookup of the administrator's test user, then the test user and a test group with it created and
    /// deleted again. Returns false when the server refused the token.
    /// </summary>
    private async Task<bool> ActivateAsync(CancellationToken ct)
    {
        const string Step = "activate";
        var test = JumpCloudRequests.TestUser(Options.RunId);
        var lookup = await Http.GetAsync(Step, JumpCloudRequests.UserLookup(test.UserName), ct, 200);
        if (lookup.Status is 401 or 403)
        {
            return false;
        }

        Check.List(Step, lookup, 0);
        if (!await CreateUserAsync(Step, test, ct))
        {
            return true;
        }

        var group = new ReplayGroup(0, $"JumpCloud Test Group {Options.RunId}");
        if (await CreateGroupAsync(Step, group, [test], ct))
        {
            await DeleteAsync(Step, $"Groups/{group.Id}", ct);
        }

        await DeleteAsync(Step, $"Users/{test.Id}", ct);
        Check.List(Step, await Http.GetAsync(Step, JumpCloudRequests.UserLookup(test.UserName), ct, 200), 0);
        return true;
    }

    /// <summary>DELETE: 204, then 404 with a SCIM error on GET.</summary>
    private async Task<bool> DeleteAsync(string step, string path, CancellationToken ct)
    {
        if (!(await Http.DeleteAsync(step, path, ct, 204)).IsSuccess)
        {
            return false;
        }

        Check.NotFoundError(step, await Http.GetAsync(step, path, ct, 404));
        return true;
    }

    /// <summary>POST Users: 201 with an id; the answer carries what was sent. False when the create failed.</summary>
    private async Task<bool> CreateUserAsync(string step, ReplayUser user, CancellationToken ct)
    {
        var created = await Http.PostAsync(step, "Users", JumpCloudRequests.CreateUser(user), ct, 201);
        if (created.Object is not { } body || !created.IsSuccess)
        {
            return false;
        }

        user.Id = Checks.Text(body["id"]);
        if (!Check.That(step, created, !string.IsNullOrEmpty(user.Id), "a server-assigned id", "no id"))
        {
            user.Id = null;
            return false;
        }

        Check.Contains(step, created, user.Profile, body);
        return true;
    }

    /// <summary>POST Groups with its first members: 201 with an id, the name and exactly those members.</summary>
    private async Task<bool> CreateGroupAsync(string step, ReplayGroup group, IReadOnlyCollection<ReplayUser> members, CancellationToken ct)
    {
        var created = await Http.PostAsync(step, "Groups", JumpCloudRequests.CreateGroup(group.DisplayName, members.Select(m => m.Id!)), ct, 201);
        if (created.Object is not { } body || !created.IsSuccess)
        {
            return false;
        }

        group.Id = Checks.Text(body["id"]);
        if (!Check.That(step, created, !string.IsNullOrEmpty(group.Id), "a server-assigned id", "no id"))
        {
            group.Id = null;
            return false;
        }

        group.SetMembers(members);
        Check.Equal(step, created, "displayName", group.DisplayName, body["displayName"]);
        Check.Members(step, created, body, group.Members.Keys, UserNames());
        return true;
    }

    /// <summary>GET Users/{id}: every attribute as JumpCloud last sent it.</summary>
    private async Task GetUserAsync(string step, ReplayUser user, CancellationToken ct)
    {
        var response = await Http.GetAsync(step, $"Users/{user.Id}", ct, 200);
        if (response.Object is { } body && response.IsSuccess)
        {
            Check.Equal(step, response, "id", user.Id, body["id"]);
            Check.Contains(step, response, user.Profile, body);
        }
    }

    /// <summary>GET Groups/{id}: id, name and the exact member set.</summary>
    private async Task CheckGroupAsync(string step, ReplayGroup group, CancellationToken ct)
    {
        var response = await Http.GetAsync(step, $"Groups/{group.Id}", ct, 200);
        if (response.Object is { } body && response.IsSuccess)
        {
            Check.Equal(step, response, "id", group.Id, body["id"]);
            Check.Equal(step, response, "displayName", group.DisplayName, body["displayName"]);
            Check.Members(step, response, body, group.Members.Keys, UserNames());
        }
    }

    /// <summary>PATCH with one replace per attribute; the profile takes the changes once the server accepted them.</summary>
    private async Task<bool> ReplaceAsync(string step, ReplayUser user, IReadOnlyList<(string Path, JsonNode Value)> changes, CancellationToken ct)
    {
        var patched = await Http.PatchAsync(step, $"Users/{user.Id}", JumpCloudRequests.ReplaceAttributes(changes), ct, 200, 204);
        if (!patched.IsSuccess)
        {
            return false;
        }

        foreach (var (path, value) in changes)
        {
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            var target = dot < 0 ? user.Profile : (JsonObject)user.Profile[path[..dot]]!;
            target[dot < 0 ? path : path[(dot + 1)..]] = value.DeepClone();
        }

        if (patched.Object is { } body)
        {
            Check.Contains(step, patched, user.Profile, body);
        }

        await GetUserAsync(step, user, ct);
        return true;
    }

    private ReplayUser User(int index) => _users[index - 1];

    private Dictionary<string, string> UserNames() =>
        _users.Where(u => u.Id is not null).ToDictionary(u => u.Id!, u => u.UserName, StringComparer.Ordinal);
}
