using System.Text.Json.Nodes;
using static Scim.IdpReplay.ScimMessages;

namespace Scim.IdpReplay.JumpCloud;

/// <summary>Request bodies and URLs as JumpCloud's custom SCIM 2.0 integration sends them (sources: see <see cref="JumpCloudCycle"/>).</summary>
internal static class JumpCloudRequests
{
    /// <summary><c>GET Users?filter=userName eq "…"</c>: create or update?</summary>
    public static string UserLookup(string userName) => "Users?" + Filter("userName", userName);

    /// <summary><c>GET Groups?filter=displayName eq "…"</c>: a group of that name is taken over, not created.</summary>
    public static string GroupLookup(string displayName) => "Groups?" + Filter("displayName", displayName);

    /// <summary>A user as JumpCloud's attribute mapping fills it; <c>externalId</c> is JumpCloud's own 24-hex user id.</summary>
    public static ReplayUser NewUser(int index, string runId) => new(index, new JsonObject
    {
        ["userName"] = $"jc.user{index}.{runId}@example.com",
        ["externalId"] = Guid.NewGuid().ToString("N")[..24],
        ["name"] = new JsonObject { ["givenName"] = $"First{index}", ["familyName"] = $"Last-{runId}" },
        ["displayName"] = $"First{index} Last-{runId}",
        ["emails"] = new JsonArray(new JsonObject { ["value"] = $"jc.user{index}.{runId}@example.com", ["type"] = "work", ["primary"] = true }),
        ["title"] = "Analyst",
        ["active"] = true,
    });

    /// <summary>The test user the administrator names when activating the integration.</summary>
    public static ReplayUser TestUser(string runId) => new(0, new JsonObject
    {
        ["userName"] = $"jumpcloud.test.{runId}@example.com",
        ["name"] = new JsonObject { ["givenName"] = "JumpCloud", ["familyName"] = "Test" },
        ["displayName"] = "JumpCloud Test",
        ["emails"] = new JsonArray(new JsonObject { ["value"] = $"jumpcloud.test.{runId}@example.com", ["type"] = "work", ["primary"] = true }),
        ["active"] = true,
    });

    /// <summary>The create body: the mapped attributes under the core schema.</summary>
    public static JsonObject CreateUser(ReplayUser user)
    {
        var body = new JsonObject { ["schemas"] = new JsonArray(UserSchema) };
        foreach (var (name, value) in user.Profile)
        {
            body[name] = value?.DeepClone();
        }

        return body;
    }

    /// <summary>An update: one <c>replace</c> per changed attribute, each with its path.</summary>
    public static JsonObject ReplaceAttributes(IEnumerable<(string Path, JsonNode Value)> changes) =>
        Patch([.. changes.Select(c => Op("replace", c.Path, c.Value.DeepClone()))]);

    /// <summary>A group is pushed once it has members, so its create carries them (as bare <c>{"value": id}</c>).</summary>
    public static JsonObject CreateGroup(string displayName, IEnumerable<string> memberIds) => new()
    {
        ["schemas"] = new JsonArray(GroupSchema),
        ["displayName"] = displayName,
        ["members"] = Members(memberIds.Select(id => (id, (string?)null))),
    };

    /// <summary>A membership sync: <c>add</c> of the group's members, those already there included.</summary>
    public static JsonObject AddMembers(IEnumerable<string> memberIds) => Patch(Op("add", "members", Members(memberIds.Select(id => (id, (string?)null)))));

    /// <summary>A member leaves: <c>remove</c> of <c>members</c> with the member in <c>value</c>.</summary>
    public static JsonObject RemoveMember(string memberId) => Patch(Op("remove", "members", Members([(memberId, null)])));
}
