using System.Globalization;
using System.Net;
using Scim.Api.Tests.Admin;
using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// The time budget of a list or search query (<c>Scim:RateLimits:ListQuerySeconds</c>): a query still running when it
/// ends is cancelled (one that ends past it all the same is treated alike) and answered 503 with Retry-After and a SCIM
/// error, and the server goes on answering.
/// </summary>
public sealed class ListQueryBudgetTests
{
    [Theory]
    [InlineData("GET", "Users?filter=")]
    [InlineData("POST", "Users/.search")]
    public async Task ExpensiveFilter_OverTheBudget_Is503WithRetryAfterAndAScimError_AndTheServerGoesOnAnswering(string method, string path)
    {
        // The budget's timer fires on a thread-pool thread, and SQLite runs the statement on another, synchronously: with
        // the pool at its minimum (two threads here) and other tests running, the timer could wait out the statement.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), completionPorts);

        // A budget far below what a substring filter over the rows below costs. The title clause has no index on either
        // provider, so the whole filter is a scan of every row (PostgreSQL's trigram indexes answer the others alone),
        // and each row is compared with 120 more substrings: about 170 ms on PostgreSQL instead of 45, so that the query
        // still runs when the cancellation arrives even with every core busy (it travels on a connection of its own).
        using var factory = new ScimApiFactory { Settings = new Dictionary<string, string> { ["Scim:RateLimits:ListQuerySeconds"] = "0.001" } };
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var ids = await factory.InsertUsersAsync(organizationId, 20_000, displayName: i => $"Person {i}");
        var client = factory.CreateClientWithToken(token);
        var filter = """userName co "99x" or displayName co "77y" or userName ew "zz" or displayName ew "qq" or userName co "88w" or displayName co "66v" or userName co "55u" or displayName co "44t" or title co "55z" """
            + string.Concat(Enumerable.Range(10, 60).Select(i => $" or displayName co \"{i}q\" or userName co \"{i}r\""));

        var response = method == "GET"
            ? await client.GetAsync(path + Uri.EscapeDataString(filter))
            : await client.SendJsonAsync(HttpMethod.Post, path,
                $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":{{System.Text.Json.JsonSerializer.Serialize(filter)}}}""");

        var error = await response.AssertScimErrorAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Null(error["scimType"]);
        Assert.Contains("too expensive", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Narrow it", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.Equal(1, int.Parse(retryAfter, CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"Users/{ids[0]}")).StatusCode);
    }
}
