using System.Globalization;
using System.Text.Json.Nodes;
using static Scim.IdpReplay.ScimMessages;

namespace Scim.IdpReplay.Okta;

/// <summary>Request bodies and URLs exactly as Okta's SCIM 2.0 client sends them (sources: see <see cref="OktaCycle"/>).</summary>
internal static class OktaRequests
{
    /// <summary>Okta reads lists 100 at a time and adds the paging parameters to every list request, lookups included.</summary>
    public const int PageSize = 100;

    private const string FirstPage = "startIndex=1&count=100";

    /// <summary><c>GET Users?filter=userName eq "…"&amp;startIndex=1&amp;count=100</c>: does the user exist?</summary>
    public static string UserLookup(string userName) => $"Users?{Filter("userName", userName)}&{FirstPage}";

    /// <summary><c>GET Groups?filter=displayName eq "…"&amp;startIndex=1&amp;count=100</c>: does the group exist?</summary>
    public static string GroupLookup(string displayName) => $"Groups?{Filter("displayName", displayName)}&{FirstPage}";

    /// <summary>One page of an import: <c>GET Users?startIndex=101&amp;count=100</c>.</summary>
    public static string Page(string resource, int startIndex, int count = PageSize) => $"{resource}?startIndex={startIndex}&count={count}";

    /// <summary>A user's app profile as Okta's default mappings fill it; user 4 has a non-ASCII name, which must round-trip exactly.</summary>
    public static ReplayUser NewUser(int index, string runId)
    {
        var userName = $"okta.user{index}.{runId}@example.com";
        var givenName = index == 4 ? "Zoë" : $"Given{index}";
        return new ReplayUser(index, new JsonObject
        {
            ["userName"] = userName,
            ["name"] = new JsonObject { ["givenName"] = givenName, ["familyName"] = $"Family-{runId}" },
            ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["value"] = userName, ["type"] = "work" }),
            ["displayName"] = $"{givenName} Family-{runId}",
            ["locale"] = "en-US",
            // Okta sends its own user id (00u…) as externalId.
            ["externalId"] = string.Create(CultureInfo.InvariantCulture, $"00u{runId}{index:D6}"),
            ["active"] = true,
        });
    }

    /// <summary>The create body: the app profile with <c>groups: []</c> and a <c>password</c>, which Okta sends even
    /// when password sync is off (a placeholder of 8 letters and digits).</summary>
    public static JsonObject CreateUser(ReplayUser user)
    {
        var body = new JsonObject { ["schemas"] = new JsonArray(UserSchema) };
        foreach (var (name, value) in user.Profile)
        {
            body[name] = value?.DeepClone();
        }

        body["groups"] = new JsonArray();
        body["password"] = NewPassword();
        return body;
    }

    /// <summary>A password as Okta's password sync sends it.</summary>
    public static string NewPassword() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Deactivate / reactivate: a path-less replace of <c>active</c>.</summary>
    public static JsonObject SetActive(bool active) => Patch(Op("replace", null, new JsonObject { ["active"] = active }));

    /// <summary>Password sync: a path-less replace of <c>password</c>.</summary>
    public static JsonObject SyncPassword(string password) => Patch(Op("replace", null, new JsonObject { ["password"] = password }));

    /// <summary>Group Push's create: the name and no members.</summary>
    public static JsonObject CreateGroup(string displayName) => new()
    {
        ["schemas"] = new JsonArray(GroupSchema),
        ["displayName"] = displayName,
        ["members"] = new JsonArray(),
    };

    /// <summary>The rename, a path-less replace carrying the group's <c>id</c> too; Okta also sends it, unchanged, before every membership update.</summary>
    public static JsonObject RenameGroup(string id, string displayName) =>
        Patch(Op("replace", null, new JsonObject { ["id"] = id, ["displayName"] = displayName }));

    /// <summary>A membership update: one <c>remove</c> per member that left (<c>members[value eq "id"]</c>), then one <c>add</c> with those who joined.</summary>
    public static JsonObject UpdateMembers(IEnumerable<string> removed, IReadOnlyCollection<(string Id, string? Display)> added)
    {
        var operations = removed.Select(id => Op("remove", $"members[value eq \"{id}\"]", null)).ToList();
        if (added.Count > 0)
        {
            operations.Add(Op("add", "members", Members(added)));
        }

        return Patch([.. operations]);
    }

    /// <summary>A full push of the membership: <c>replace</c> of <c>members</c> with every member.</summary>
    public static JsonObject PushMembers(IEnumerable<(string Id, string? Display)> members) => Patch(Op("replace", "members", Members(members)));

    /// <summary>The update of an app integration made with the App Integration Wizard: PUT with the name and every member.</summary>
    public static JsonObject ReplaceGroup(string displayName, IEnumerable<(string Id, string? Display)> members) => new()
    {
        ["schemas"] = new JsonArray(GroupSchema),
        ["displayName"] = displayName,
        ["members"] = Members(members),
    };
}
