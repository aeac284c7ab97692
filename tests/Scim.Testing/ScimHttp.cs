using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Scim.Testing;

/// <summary>Wire-level helpers: send SCIM JSON as Entra does and read SCIM JSON back, asserting the media type.</summary>
public static class ScimHttp
{
    /// <summary>The content type Entra really sends.</summary>
    public const string EntraContentType = "application/scim+json; charset=utf-8";

    public static StringContent Json(string json, string contentType = EntraContentType)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string uri, string json) => client.PostAsync(uri, Json(json));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string uri, string json) => client.PutAsync(uri, Json(json));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string uri, string json) => client.PatchAsync(uri, Json(json));

    /// <summary>The body as JSON, after asserting the status and that it is application/scim+json.</summary>
    public static async Task<JsonObject> ReadScimAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Asserts a SCIM error (RFC 7644 §3.12): status, media type, Error schema, status as a string, scimType.</summary>
    public static async Task<JsonObject> AssertScimErrorAsync(this HttpResponseMessage response, HttpStatusCode expected, string? scimType = null)
    {
        var body = await response.ReadScimAsync(expected);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", body["schemas"]![0]!.GetValue<string>());
        Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), body["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["detail"]?.GetValue<string>()));
        if (scimType is not null)
        {
            Assert.Equal(scimType, body["scimType"]?.GetValue<string>());
        }

        return body;
    }

    /// <summary>POSTs a user and returns its id.</summary>
    public static async Task<string> CreateUserAsync(this HttpClient client, string json)
    {
        var response = await client.PostJsonAsync("Users", json);
        return (await response.ReadScimAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    /// <summary>POSTs a group and returns its id.</summary>
    public static async Task<string> CreateGroupAsync(this HttpClient client, string json)
    {
        var response = await client.PostJsonAsync("Groups", json);
        return (await response.ReadScimAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    /// <summary>GETs a resource as JSON (asserting 200).</summary>
    public static async Task<JsonObject> GetScimAsync(this HttpClient client, string uri) =>
        await (await client.GetAsync(uri)).ReadScimAsync(HttpStatusCode.OK);

    /// <summary>
    /// PATCHes <c>Users/<paramref name="id"/></c> (the id may carry a query string) and asserts what the server answers
    /// a successful user PATCH with: 200 and the patched user. Returns that user.
    /// </summary>
    public static async Task<JsonObject> PatchUserOkAsync(this HttpClient client, string id, string json)
    {
        var body = await (await client.PatchJsonAsync($"Users/{id}", json)).ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal(id.Split('?')[0], body["id"]?.GetValue<string>());
        return body;
    }

    /// <summary>
    /// PATCHes <c>Groups/<paramref name="id"/></c> and asserts what the server answers a successful group PATCH with:
    /// 204 No Content.
    /// </summary>
    public static async Task PatchGroupOkAsync(this HttpClient client, string id, string json) =>
        await (await client.PatchJsonAsync($"Groups/{id}", json)).AssertNoContentAsync();

    /// <summary>Asserts 204 No Content with an empty body.</summary>
    public static async Task AssertNoContentAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"Expected 204 but got {(int)response.StatusCode}: {body}");
        Assert.Empty(body);
    }

    /// <summary>The member ids of a group, read back with GET, sorted.</summary>
    public static async Task<string[]> MemberIdsAsync(this HttpClient client, string groupId)
    {
        var group = await client.GetScimAsync($"Groups/{groupId}");
        return [.. (group["members"]?.AsArray() ?? []).Select(m => m!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }

    /// <summary>The ids, sorted, to compare with <see cref="MemberIdsAsync"/>.</summary>
    public static string[] Sorted(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    /// <summary>GETs a list response, asserting 200 and the ListResponse schema.</summary>
    public static async Task<JsonObject> GetListAsync(this HttpClient client, string uri)
    {
        var body = await client.GetScimAsync(uri);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", body["schemas"]![0]!.GetValue<string>());
        return body;
    }

    /// <summary>
    /// Asserts the empty answer Entra's Test Connection expects: 200, a ListResponse with <c>totalResults</c> 0, an empty
    /// <c>Resources</c> array, <c>startIndex</c> 1 and <c>itemsPerPage</c> 0.
    /// </summary>
    public static async Task AssertEmptyListResponseAsync(this HttpResponseMessage response)
    {
        var list = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", list["schemas"]![0]!.GetValue<string>());
        Assert.Equal(0, list.TotalResults());
        Assert.Empty(list["Resources"]!.AsArray());
        Assert.Equal(1, list["startIndex"]!.GetValue<int>());
        Assert.Equal(0, list["itemsPerPage"]!.GetValue<int>());
    }

    /// <summary>totalResults of a list response.</summary>
    public static int TotalResults(this JsonObject list) => list["totalResults"]!.GetValue<int>();

    /// <summary>The Resources of a list response.</summary>
    public static List<JsonObject> Resources(this JsonObject list) => [.. list["Resources"]!.AsArray().Select(r => r!.AsObject())];

    /// <summary>
    /// Creates a manager ("Team Lead") and a user it manages, with a work e-mail, in a group "Team": a user whose
    /// representation draws on every source a read joins (value rows, the manager's displayName, groups).
    /// </summary>
    public static async Task<(string Manager, string Member)> CreateTeamMemberWithManagerAsync(this HttpClient client)
    {
        var manager = await client.CreateUserAsync("""{"userName":"lead@example.com","displayName":"Team Lead"}""");
        var member = await client.CreateUserAsync($$"""
            {"userName":"member@example.com","emails":[{"value":"member@example.com","type":"work"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"{{manager}}"} } }
            """);
        await client.CreateGroupAsync($$"""{"displayName":"Team","members":[{"value":"{{member}}"}]}""");
        return (manager, member);
    }

    /// <summary>Asserts that what a write answered with is exactly what a GET of <paramref name="uri"/> now returns.</summary>
    public static async Task AssertReadsBackAsync(this HttpClient client, string uri, JsonNode written)
    {
        var read = await client.GetScimAsync(uri);
        Assert.True(JsonNode.DeepEquals(read, written), $"write answered {written}\nGET returns {read}");
    }
}
