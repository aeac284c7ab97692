using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scim.Domain.Organizations;
using Scim.Infrastructure.Data;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary>
/// An organization whose deletion was asked for and whose erasure has not ended answers every administration read and
/// write of it with the 404 of an organization that does not exist, word for word, and is left out of the list of
/// organizations. The organization is marked in the database as <c>DELETE</c> marks it, with no erasure queued, so it
/// stays in that state for the whole test.
/// </summary>
public sealed class OrganizationBeingDeletedTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("GET", "", null)]
    [InlineData("PUT", "", """{"name":"renamed"}""")]
    [InlineData("PATCH", "", """{"name":"renamed"}""")]
    [InlineData("GET", "/keys", null)]
    [InlineData("POST", "/keys", """{"label":"entra","scopes":["scim"]}""")]
    [InlineData("POST", "/keys/{key}/revoke", null)]
    [InlineData("GET", "/activity", null)]
    [InlineData("GET", "/activity/runs", null)]
    [InlineData("GET", "/changes", null)]
    public async Task EveryReadAndWrite_OfAnOrganizationBeingDeleted_Is404_AsForNone(string method, string below, string? body)
    {
        var client = factory.AdminClient(factory.ConfigureOperator());
        var (organizationId, keyId, _) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Scim);
        await MarkDeletedAsync(organizationId);

        var response = await client.SendJsonAsync(
            new HttpMethod(method), $"/admin/organizations/{organizationId}{below.Replace("{key}", keyId.ToString(), StringComparison.Ordinal)}", body);

        var error = await response.AssertScimErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal($"No organization has the id or name '{organizationId}'.", error["detail"]!.GetValue<string>());
        var missing = Guid.NewGuid();
        var none = await (await client.SendJsonAsync(new HttpMethod(method), $"/admin/organizations/{missing}{below.Replace("{key}", keyId.ToString(), StringComparison.Ordinal)}", body))
            .AssertScimErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal($"No organization has the id or name '{missing}'.", none["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_LeavesOutAnOrganizationBeingDeleted_AndItsNameStaysTaken()
    {
        var client = factory.AdminClient(factory.ConfigureOperator());
        var prefix = $"deleting-{Guid.NewGuid():N}";
        var kept = await client.CreateOrganizationAsync($"{prefix}-a");
        var doomed = await client.CreateOrganizationAsync($"{prefix}-b");
        await MarkDeletedAsync(Guid.Parse(doomed["id"]!.GetValue<string>()));

        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/admin/organizations?count=2{(cursor is null ? "" : $"&cursor={cursor}")}")).ReadJsonAsync(HttpStatusCode.OK);
            names.AddRange(page["resources"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Contains(kept["name"]!.GetValue<string>(), names);
        Assert.DoesNotContain(doomed["name"]!.GetValue<string>(), names);
        await (await client.SendJsonAsync(HttpMethod.Post, "/admin/organizations", new JsonObject { ["name"] = $"{prefix}-b" }.ToJsonString()))
            .AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
    }

    // What DELETE's first write does to the organization row, without the erasure that would follow.
    private async Task MarkDeletedAsync(Guid organizationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(1, await db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(o => o.SetProperty(x => x.DeletionRequestedUtc, now)));
    }
}
