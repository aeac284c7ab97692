using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// A <c>startIndex</c> page (RFC 7644 §3.4.2.4) deep enough that the server reads its ids before its rows (more than a
/// thousand resources before it) holds exactly the resources, in the same order, that a cursor walk (RFC 9865) of the
/// same list finds at that position: in creation order (from a mark), by <c>userName</c> both ways, by
/// <c>displayName</c> with its ties, and under a filter.
/// </summary>
public sealed class DeepIndexPageByIdsTests
{
    [Fact]
    public async Task A_deep_index_page_holds_what_a_cursor_walk_finds_there()
    {
        await using var factory = new ScimApiFactory();
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        await factory.InsertUsersAsync(organizationId, 1_500, i => i % 3 == 0 ? null : $"ext-{i:D5}", i => i % 4 == 0 ? null : $"Name {i % 700}");
        var client = factory.CreateClientWithToken(token);

        foreach (var list in new[]
        {
            "Users?attributes=id",
            "Users?sortBy=userName&attributes=id",
            "Users?sortBy=userName&sortOrder=descending&attributes=id",
            "Users?sortBy=displayName&attributes=id",
            "Users?sortBy=userName&attributes=id&filter=" + Uri.EscapeDataString("active eq true"),
        })
        {
            var walked = new List<string>();
            var page = await client.GetListAsync($"{list}&count=200&cursor=");
            while (true)
            {
                walked.AddRange(Ids(page));
                if (page["nextCursor"] is not { } next)
                {
                    break;
                }

                page = await client.GetListAsync($"{list}&count=200&cursor={Uri.EscapeDataString(next.GetValue<string>())}");
            }

            Assert.Equal(1_500, walked.Count);
            foreach (var startIndex in new[] { 1_001, 1_234, 1_450 })
            {
                var indexed = await client.GetListAsync($"{list}&count=100&startIndex={startIndex}");
                Assert.Equal(1_500, indexed.TotalResults());
                Assert.Equal(walked.Skip(startIndex - 1).Take(100), Ids(indexed));
            }
        }
    }

    private static List<string> Ids(System.Text.Json.Nodes.JsonObject list) => [.. list.Resources().Select(r => r["id"]!.GetValue<string>())];
}
