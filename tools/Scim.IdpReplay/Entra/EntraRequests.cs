using System.Text.Json.Nodes;
using static Scim.IdpReplay.ScimMessages;

namespace Scim.IdpReplay.Entra;

/// <summary>Request bodies and lookup URLs exactly as Entra sends them.</summary>
internal static class EntraRequests
{
    public const string MicrosoftGroupSchema = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    public const string ManagerPath = EnterpriseUser + ":manager";

    /// <summary>The form-encoded variant the SCIM Validator sends (§2.2): spaces as <c>+</c>, <c>@</c> as <c>%40</c>, quotes raw.</summary>
    public static string FormEncodedFilter(string attribute, string value) =>
        $"filter={attribute}+eq+\"{value.Replace("@", "%40", StringComparison.Ordinal)}\"";

    /// <summary><c>GET Users?filter=userName eq "..."</c> (§2.2).</summary>
    public static string UserLookup(string userName) => "Users?" + Filter("userName", userName);

    /// <summary><c>GET Groups?excludedAttributes=members&amp;filter=displayName eq "..."</c> (§2.8).</summary>
    public static string GroupLookup(string displayName) => "Groups?excludedAttributes=members&" + Filter("displayName", displayName);

    /// <summary>The create body of §2.3 with the default mappings of §4; some users carry explicit nulls.</summary>
    public static JsonObject CreateUser(UserModel user)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(UserSchema, EnterpriseUser),
            ["externalId"] = user.ExternalId,
            ["userName"] = user.UserName,
            ["active"] = true,
            ["displayName"] = user.DisplayName,
            ["title"] = user.Title,
            ["preferredLanguage"] = user.SentNulls ? null : "en-US",
            ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["type"] = "work", ["value"] = user.Email }),
            ["meta"] = new JsonObject { ["resourceType"] = "User" },
            ["name"] = new JsonObject
            {
                ["formatted"] = $"{user.GivenName} {user.FamilyName}",
                ["familyName"] = user.FamilyName,
                ["givenName"] = user.GivenName,
            },
            [EnterpriseUser] = new JsonObject { ["employeeNumber"] = user.EmployeeNumber, ["department"] = user.Department },
            ["roles"] = new JsonArray(),
        };
        if (user.SentNulls)
        {
            body["addresses"] = null;
            body["phoneNumbers"] = null;
            body["nickName"] = null;
            return body;
        }

        body["addresses"] = new JsonArray(new JsonObject
        {
            ["type"] = "work",
            ["streetAddress"] = $"{user.Index} Main St",
            ["locality"] = user.Locality,
            ["region"] = "IL",
            ["postalCode"] = "62701",
            ["country"] = "US",
            ["formatted"] = $"{user.Index} Main St, {user.Locality}, IL 62701, US",
        });
        body["phoneNumbers"] = new JsonArray(
            new JsonObject { ["type"] = "work", ["value"] = $"555555{user.Index:0000}" },
            new JsonObject { ["type"] = "mobile", ["value"] = user.MobilePhone });
        return body;
    }

    /// <summary>The create body of §2.9: the documented form with the Microsoft schema URI and meta, or the observed form with <c>members: []</c>.</summary>
    public static JsonObject CreateGroup(GroupModel group)
    {
        var body = new JsonObject { ["schemas"] = new JsonArray(GroupSchema) };
        if (group.Index % 2 == 0)
        {
            body["schemas"]!.AsArray().Add(MicrosoftGroupSchema);
        }

        body["externalId"] = group.ExternalId;
        body["displayName"] = group.DisplayName;
        if (group.Index % 2 == 0)
        {
            body["meta"] = new JsonObject { ["resourceType"] = "Group" };
        }
        else
        {
            body["members"] = new JsonArray();
        }

        return body;
    }

    /// <summary>Op name in the dialect's casing (§3 row 1).</summary>
    public static string OpName(EntraDialect dialect, string op) =>
        dialect == EntraDialect.Legacy ? char.ToUpperInvariant(op[0]) + op[1..] : op;

    /// <summary>Member add (§2.11): legacy objects carry <c>"$ref": null</c>, compliant ones only <c>value</c>.</summary>
    public static JsonObject AddMembers(EntraDialect dialect, IEnumerable<string> userIds)
    {
        var members = new JsonArray();
        foreach (var id in userIds)
        {
            members.Add(dialect == EntraDialect.Legacy
                ? new JsonObject { ["$ref"] = null, ["value"] = id }
                : new JsonObject { ["value"] = id });
        }

        return Op(OpName(dialect, "add"), "members", members);
    }

    /// <summary>Member remove (§2.11): legacy <c>path:"members"</c> with a value array, compliant <c>members[value eq "id"]</c>.</summary>
    public static JsonObject RemoveMember(EntraDialect dialect, string userId) => dialect == EntraDialect.Legacy
        ? Op("Remove", "members", new JsonArray(new JsonObject { ["value"] = userId }))
        : Op("remove", $"members[value eq \"{userId}\"]", null);

    /// <summary>Several changed attributes without the flag (§2.5): one <c>Replace</c> per attribute, each with a path.</summary>
    public static JsonObject LegacyAttributeUpdate(UserModel user) => Patch(
        Op("Replace", "displayName", user.DisplayName),
        Op("Replace", "emails[type eq \"work\"].value", user.Email),
        Op("Replace", "name.givenName", user.GivenName),
        Op("Replace", EnterpriseUser + ":department", user.Department),
        Op("Replace", "addresses[type eq \"work\"].locality", user.Locality));

    /// <summary>Several changed attributes with the flag (§2.5): the filtered path stays its own op, the rest fold into
    /// one path-less replace whose keys are dotted / URN-qualified paths.</summary>
    public static JsonObject CompliantAttributeUpdate(UserModel user) => Patch(
        Op("replace", "emails[type eq \"work\"].value", user.Email),
        Op("replace", null, new JsonObject
        {
            ["displayName"] = user.DisplayName,
            ["name.givenName"] = user.GivenName,
            ["name.familyName"] = user.FamilyName,
            [EnterpriseUser + ":employeeNumber"] = user.EmployeeNumber,
        }));

    /// <summary>Disable / enable (§2.6): legacy sends the strings "False"/"True", compliant JSON booleans.</summary>
    public static JsonObject SetActive(EntraDialect dialect, bool active) => Patch(dialect == EntraDialect.Legacy
        ? Op("Replace", "active", active ? "True" : "False")
        : Op("replace", "active", active));
}
