using System.Text.Json.Nodes;

namespace Scim.IdpReplay;

/// <summary>The SCIM URNs and message shapes every identity provider's traffic is built from (RFC 7643, RFC 7644).</summary>
internal static class ScimMessages
{
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ListResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    /// <summary>A percent-encoded <c>eq</c> filter query (RFC 7644 §3.4.2.2): <c>filter=userName%20eq%20%22a%40b%22</c>.</summary>
    public static string Filter(string attribute, string value) =>
        "filter=" + Uri.EscapeDataString($"{attribute} eq \"{value}\"");

    /// <summary>A PatchOp message with the given operations (RFC 7644 §3.5.2).</summary>
    public static JsonObject Patch(params JsonObject[] operations) => new()
    {
        ["schemas"] = new JsonArray(PatchOpSchema),
        ["Operations"] = new JsonArray(operations),
    };

    /// <summary>One operation; <paramref name="path"/> null makes it path-less. A null <paramref name="value"/> omits "value".</summary>
    public static JsonObject Op(string op, string? path, JsonNode? value)
    {
        var operation = new JsonObject { ["op"] = op };
        if (path is not null)
        {
            operation["path"] = path;
        }

        if (value is not null)
        {
            operation["value"] = value;
        }

        return operation;
    }

    /// <summary>Member objects of a group: <c>{"value": id}</c>, with <c>display</c> when a provider sends one.</summary>
    public static JsonArray Members(IEnumerable<(string Id, string? Display)> members)
    {
        var array = new JsonArray();
        foreach (var (id, display) in members)
        {
            var member = new JsonObject { ["value"] = id };
            if (display is not null)
            {
                member["display"] = display;
            }

            array.Add(member);
        }

        return array;
    }
}
