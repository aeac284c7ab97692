using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scim.Domain.Organizations;
using Scim.Infrastructure.Data;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary>Calls of the administration API as its clients make them (JSON bodies, a bearer operator secret or API key), and what an organization has left in the database.</summary>
internal static class AdminHttp
{
    /// <summary>A client of the administration API at the host root, sending <paramref name="token"/> as a bearer token (none when null).</summary>
    public static HttpClient AdminClient(this ScimApiFactory factory, string? token)
    {
        var client = factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A new organization and a key of it with <paramref name="scopes"/>: its id, and the key's id and token.</summary>
    public static async Task<(Guid OrganizationId, Guid KeyId, string Token)> CreateOrganizationWithKeyAsync(this ScimApiFactory factory, ApiKeyScopes scopes)
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (keyId, token) = await factory.CreateApiKeyAsync(organizationId, scopes);
        return (organizationId, keyId, token);
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="uri"/>, with <paramref name="json"/> as an application/json body when given.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string uri, string? json = null) =>
        client.SendAsync(new HttpRequestMessage(method, uri) { Content = json is null ? null : ScimHttp.Json(json, "application/json") });

    /// <summary>
    /// The body as JSON, after asserting the status, that it is application/json and that no member anywhere in it is
    /// <c>null</c>: the administration API leaves out a member without a value.
    /// </summary>
    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(body)!.AsObject();
        var nulls = NullMembers(json, "$").ToList();
        Assert.True(nulls.Count == 0, $"The answer writes {string.Join(", ", nulls)} as null instead of leaving it out: {body}");
        return json;
    }

    private static IEnumerable<string> NullMembers(JsonNode? node, string path) => node switch
    {
        null => [path],
        JsonObject o => o.SelectMany(member => NullMembers(member.Value, $"{path}.{member.Key}")),
        JsonArray a => a.SelectMany((element, i) => NullMembers(element, $"{path}[{i}]")),
        _ => [],
    };

    /// <summary>POSTs an organization as the operator client <paramref name="client"/>; returns its representation.</summary>
    public static async Task<JsonObject> CreateOrganizationAsync(this HttpClient client, string name) =>
        await (await client.SendJsonAsync(HttpMethod.Post, "/admin/organizations", new JsonObject { ["name"] = name }.ToJsonString()))
            .ReadJsonAsync(HttpStatusCode.Created);

    /// <summary>A client with a new <c>admin</c> key of the organization, addressed at the host root.</summary>
    public static async Task<HttpClient> CreateAdminClientAsync(this ScimApiFactory factory, Guid organizationId)
    {
        var (_, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Admin);
        return factory.AdminClient(token);
    }

    /// <summary>GETs an administration answer as JSON, asserting 200 and <c>application/json</c>.</summary>
    public static async Task<JsonObject> GetAdminAsync(this HttpClient client, string uri) =>
        await (await client.GetAsync(uri)).ReadJsonAsync(HttpStatusCode.OK);

    /// <summary>The organization's activity (<c>GET …/activity?<paramref name="query"/></c>), newest first.</summary>
    public static async Task<List<JsonObject>> ListActivityAsync(this HttpClient admin, Guid organizationId, string query = "") =>
        [.. (await admin.GetAdminAsync($"admin/organizations/{organizationId}/activity?{query}"))["activity"]!.AsArray().Select(r => r!.AsObject())];

    /// <summary>
    /// Waits (at most 30 s) until the organization's activity has <paramref name="count"/> rows: a failed request's row is
    /// written shortly after its answer. Returns the rows, newest first.
    /// </summary>
    public static async Task<List<JsonObject>> WaitForActivityAsync(this HttpClient admin, Guid organizationId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var rows = await admin.ListActivityAsync(organizationId);
            if (rows.Count >= count || DateTime.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// How many rows of each table of the server's model belong to the organization (by its <c>OrganizationId</c>, the
    /// organization row by its <c>Id</c>): every table the model maps, so a table added later is counted too. A table
    /// without an organization column fails the count, but for the server's own Data Protection keys.
    /// </summary>
    public static async Task<Dictionary<string, long>> CountRowsOfAsync(this ScimApiFactory factory, Guid organizationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
        var counts = new Dictionary<string, long>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            var column = entity.ClrType == typeof(Organization) ? "Id" : entity.FindProperty("OrganizationId")?.GetColumnName();
            if (column is null)
            {
                Assert.Equal("data_protection_keys", table);
                continue;
            }

            // Table and column names come from the model, the id is a parameter.
            var sql = $"""SELECT COUNT(*) AS "Value" FROM "{table}" WHERE "{column}" = @p0""";
#pragma warning disable EF1003
            counts[table] = await db.Database.SqlQueryRaw<long>(sql.Replace("@p0", "{0}", StringComparison.Ordinal), organizationId).SingleAsync();
#pragma warning restore EF1003
        }

        return counts;
    }

    /// <summary>How many of the organization's keys the database holds unrevoked: keys that authenticate.</summary>
    public static async Task<int> CountUnrevokedKeysAsync(this ScimApiFactory factory, Guid organizationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
        return await db.ApiKeys.CountAsync(k => k.OrganizationId == organizationId && k.RevokedUtc == null);
    }

    /// <summary>Waits (at most 60 s) until the organization has no row left in any table; returns the last counts.</summary>
    public static async Task<Dictionary<string, long>> WaitUntilErasedAsync(this ScimApiFactory factory, Guid organizationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var counts = await factory.CountRowsOfAsync(organizationId);
            if (counts.Values.All(c => c == 0) || DateTime.UtcNow > deadline)
            {
                return counts;
            }

            await Task.Delay(50);
        }
    }
}
