using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scim.Domain.Organizations;
using Scim.Infrastructure.Data;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary>Clients and reads of the organization administration API (<c>/admin/organizations/{id}</c>).</summary>
internal static class AdminHttp
{
    /// <summary>A client with a new <c>admin</c> key of the organization, addressed at the host root.</summary>
    public static async Task<HttpClient> CreateAdminClientAsync(this ScimApiFactory factory, Guid organizationId)
    {
        var (_, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Admin);
        return factory.CreateClientWithToken(token);
    }

    /// <summary>GETs an administration answer as JSON, asserting 200 and <c>application/json</c>.</summary>
    public static async Task<JsonObject> GetAdminAsync(this HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

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
