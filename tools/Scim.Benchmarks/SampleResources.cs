using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Protocol.Patching;

namespace Scim.Benchmarks;

/// <summary>
/// What the benchmarks work on: resources as the server stores them and requests as Microsoft Entra ID sends them,
/// shared by every area so that their numbers describe the same data.
/// </summary>
internal static class SampleResources
{
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>
    /// A user as Entra provisions one with the default mappings and as the server answers it (about 2 KB): the core
    /// attributes, two e-mails and phone numbers, the work address, the enterprise extension with a manager, and the
    /// groups the user is in.
    /// </summary>
    public const string User = """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "id": "2819c223-7f76-453a-919d-413861904646",
          "externalId": "bjensen",
          "meta": {
            "resourceType": "User",
            "created": "2024-01-23T04:56:22Z",
            "lastModified": "2025-05-13T04:42:34Z",
            "location": "https://scim.contoso.com/Users/2819c223-7f76-453a-919d-413861904646"
          },
          "userName": "barbara.jensen@contoso.com",
          "name": {
            "formatted": "Barbara Jensen",
            "familyName": "Jensen",
            "givenName": "Barbara"
          },
          "displayName": "Barbara Jensen",
          "nickName": "Babs",
          "title": "Tour Guide",
          "userType": "Employee",
          "preferredLanguage": "en-US",
          "locale": "en-US",
          "timezone": "America/Los_Angeles",
          "active": true,
          "emails": [
            { "value": "barbara.jensen@contoso.com", "type": "work", "primary": true },
            { "value": "babs.jensen@fabrikam.example", "type": "other" }
          ],
          "phoneNumbers": [
            { "value": "+1 425 555 0100", "type": "work" },
            { "value": "+1 425 555 0199", "type": "mobile" }
          ],
          "addresses": [
            {
              "type": "work",
              "formatted": "One Microsoft Way\nRedmond, WA 98052\nUS",
              "streetAddress": "One Microsoft Way",
              "locality": "Redmond",
              "region": "WA",
              "postalCode": "98052",
              "country": "US",
              "primary": true
            }
          ],
          "groups": [
            { "value": "e9e30dba-f08f-4109-8486-d5c6a3319901", "$ref": "https://scim.contoso.com/Groups/e9e30dba-f08f-4109-8486-d5c6a3319901", "display": "Tour Guides", "type": "direct" },
            { "value": "e9e30dba-f08f-4109-8486-d5c6a3319902", "$ref": "https://scim.contoso.com/Groups/e9e30dba-f08f-4109-8486-d5c6a3319902", "display": "Redmond Campus", "type": "direct" },
            { "value": "e9e30dba-f08f-4109-8486-d5c6a3319903", "$ref": "https://scim.contoso.com/Groups/e9e30dba-f08f-4109-8486-d5c6a3319903", "display": "All Employees", "type": "direct" }
          ],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
            "employeeNumber": "701984",
            "department": "Tour Operations",
            "manager": {
              "value": "26118915-6090-4610-87e4-49d8ca9f808d",
              "$ref": "https://scim.contoso.com/Users/26118915-6090-4610-87e4-49d8ca9f808d",
              "displayName": "John Smith"
            }
          }
        }
        """;

    /// <summary>A group as the server keeps its JSON: members live in rows of their own, not in the document.</summary>
    public const string Group = """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
          "id": "e9e30dba-f08f-4109-8486-d5c6a3319901",
          "externalId": "5b1f2d9e-3c4a-4e8b-9f6d-0a1b2c3d4e5f",
          "meta": {
            "resourceType": "Group",
            "created": "2024-01-23T04:56:22Z",
            "lastModified": "2025-05-13T04:42:34Z",
            "location": "https://scim.contoso.com/Groups/e9e30dba-f08f-4109-8486-d5c6a3319901"
          },
          "displayName": "Tour Guides"
        }
        """;

    /// <summary>The group attributes stored outside the JSON, which the PATCH engine turns into member operations.</summary>
    public static readonly IReadOnlySet<string> GroupExternalAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "members" };

    /// <summary>One attribute replaced, the load tool's <c>patch-replace</c>.</summary>
    public const string ReplaceTitle = """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Senior Tour Guide"}]}
        """;

    /// <summary>
    /// An Entra update of a user whose source attributes changed: capitalised ops, filtered paths, an enterprise
    /// attribute by URN, the manager as a bare id and <c>active</c> as the string <c>"True"</c>, all in one request.
    /// </summary>
    public const string EntraUpdate = """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
          {"op":"Replace","path":"displayName","value":"Barbara J. Jensen"},
          {"op":"Replace","path":"name.familyName","value":"Jensen-Smith"},
          {"op":"Replace","path":"name.formatted","value":"Barbara Jensen-Smith"},
          {"op":"Replace","path":"title","value":"Senior Tour Guide"},
          {"op":"Replace","path":"emails[type eq \"work\"].value","value":"barbara.jensen-smith@contoso.com"},
          {"op":"Replace","path":"phoneNumbers[type eq \"mobile\"].value","value":"+1 425 555 0142"},
          {"op":"Replace","path":"addresses[type eq \"work\"].locality","value":"Bellevue"},
          {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Guest Experience"},
          {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"4f0c1a7e-8d2b-4c3e-9a5f-6b7c8d9e0f1a"},
          {"op":"Replace","path":"active","value":"True"}
        ]}
        """;

    /// <summary>Entra's member batch: one <c>add</c> of 100 members (the most it sends at once).</summary>
    public static string AddMembers(int count) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{{string.Join(',', Enumerable.Range(0, count).Select(i => $$"""{"value":"{{MemberId(i)}}"}"""))}}]}]}""";

    /// <summary>
    /// Parses <paramref name="json"/> into a tree whose every node is built: <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/>
    /// defers building an object's members until they are first read, and a benchmark that clones a tree nobody has
    /// read would measure the parse instead of the clone.
    /// </summary>
    public static JsonObject Parse(string json)
    {
        var resource = JsonNode.Parse(json)!.AsObject();
        CountNodes(resource);
        return resource;
    }

    /// <summary>Reads every node of a tree (which builds it) and counts them.</summary>
    public static int CountNodes(JsonNode? node)
    {
        // Index loops, so that the walk itself allocates no enumerators.
        var count = 1;
        switch (node)
        {
            case JsonObject o:
                for (var i = 0; i < o.Count; i++)
                {
                    count += CountNodes(o.GetAt(i).Value);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    count += CountNodes(a[i]);
                }

                break;
        }

        return count;
    }

    public static PatchRequest PatchRequest(string json) => JsonSerializer.Deserialize<PatchRequest>(json)!;

    private static string MemberId(int i) => $"00000000-0000-4000-8000-{i:D12}";
}
