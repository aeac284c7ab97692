using System.Net;
using System.Text.Json.Nodes;
using Scim.Cluster.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Cluster.Tests;

/// <summary>
/// Writes that race each other through both instances at once: the database, not either process, decides the winner,
/// and no write is lost.
/// </summary>
[Collection(TwoServers.Name)]
public sealed class RacingWriteTests(ClusterFixture cluster)
{
    [Fact]
    public async Task CreateUser_OneUserName100TimesAtOnceThroughBothServers_One201_The99Others409Uniqueness()
    {
        var (_, token) = await cluster.CreateOrganizationAsync($"race-{Guid.NewGuid():N}");
        using var a = cluster.A.CreateClient(token);
        using var b = cluster.B.CreateClient(token);
        const string UserName = "racer@example.com";
        var json = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{UserName}}","active":true}""";

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? a : b).PostJsonAsync("Users", json)));
        try
        {
            var statuses = string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Count()} × {g.Key}"));
            var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
            Assert.True(created.Count == 1 && responses.Count(r => r.StatusCode == HttpStatusCode.Conflict) == 99, statuses);
            foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            {
                await conflict.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
            }

            var id = (await created[0].ReadScimAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
            foreach (var client in new[] { a, b })
            {
                var found = await client.GetListAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{UserName}\"")}");
                Assert.Equal(1, found["totalResults"]!.GetValue<int>());
                Assert.Equal(id, found["Resources"]![0]!["id"]!.GetValue<string>());
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task PatchGroup_16MemberBatchesAtOnceThroughBothServers_GroupEndsWithEveryMember()
    {
        const int Batches = 16, BatchSize = 8;
        var (_, token) = await cluster.CreateOrganizationAsync($"members-{Guid.NewGuid():N}");
        using var a = cluster.A.CreateClient(token);
        using var b = cluster.B.CreateClient(token);
        var userIds = await Task.WhenAll(Enumerable.Range(0, Batches * BatchSize).Select(i => (i % 2 == 0 ? a : b).CreateUserAsync(
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"member{{i}}@example.com"}""")));
        var groupId = await a.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Everyone"}""");

        // Entra's shape: one add operation per batch, several members in it; disjoint batches, half through each server.
        var batches = userIds.Chunk(BatchSize).Select((batch, i) => (i % 2 == 0 ? a : b).PatchJsonAsync($"Groups/{groupId}", new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
            ["Operations"] = new JsonArray(new JsonObject
            {
                ["op"] = "add",
                ["path"] = "members",
                ["value"] = new JsonArray([.. batch.Select(id => new JsonObject { ["value"] = id })]),
            }),
        }.ToJsonString()));
        foreach (var response in await Task.WhenAll(batches))
        {
            using (response)
            {
                await response.AssertNoContentAsync();
            }
        }

        Assert.Equal(ScimHttp.Sorted(userIds), await a.MemberIdsAsync(groupId));
        Assert.Equal(ScimHttp.Sorted(userIds), await b.MemberIdsAsync(groupId));
    }
}
