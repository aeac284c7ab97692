using System.Net;
using System.Text.Json.Nodes;
using Scim.Domain.Journal;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary><c>GET /admin/organizations/{id}/activity/runs</c>: the journal grouped into provisioning runs per API key.</summary>
public sealed class ListProvisioningRunsTests
{
    [Fact]
    public async Task Runs_CreatesWithTwoUniquenessFailures_SummariseAsCreatedAndFailedByScimType()
    {
        using var factory = new ScimApiFactory();
        var (organization, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (keyId, token) = await factory.CreateApiKeyAsync(organization);
        var scim = factory.CreateClientWithToken(token);
        var admin = await factory.CreateAdminClientAsync(organization);
        for (var i = 0; i < 5; i++)
        {
            await scim.CreateUserAsync($$"""{"userName":"user{{i}}@example.com"}""");
        }

        await (await scim.PostJsonAsync("Users", """{"userName":"user1@example.com"}""")).AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        await (await scim.PostJsonAsync("Users", """{"userName":"user3@example.com"}""")).AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        await admin.WaitForActivityAsync(organization, 7);

        var page = await admin.GetAdminAsync($"admin/organizations/{organization}/activity/runs");

        var run = Assert.Single(page["runs"]!.AsArray())!.AsObject();
        Assert.Equal(keyId.ToString(), run["keyId"]!.GetValue<string>());
        Assert.Equal(token[..12], run["keyPrefix"]!.GetValue<string>());
        // Enums are written by their camelCase names.
        Assert.Equal("other", run["dialect"]!.GetValue<string>());
        Assert.True(run["complete"]!.GetValue<bool>());
        Assert.Equal((7, 5, 0, 0, 0, 2), Totals(run));
        var byType = Assert.Single(run["failuresByType"]!.AsArray())!;
        Assert.Equal(("uniqueness", 409, 2), (byType["scimType"]!.GetValue<string>(), byType["status"]!.GetValue<int>(), byType["count"]!.GetValue<int>()));
        var failures = run["firstFailures"]!.AsArray();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal(("CreateUser", 409, "uniqueness"), (f!["slice"]!.GetValue<string>(), f["status"]!.GetValue<int>(), f["scimType"]!.GetValue<string>())));
        Assert.Contains("userName", failures[0]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(run["start"]!.GetValue<DateTime>() < run["end"]!.GetValue<DateTime>());
        Assert.Equal(7, page["rowsRead"]!.GetValue<int>());
        Assert.False(page["truncated"]!.GetValue<bool>());
        Assert.False(page.ContainsKey("nextCursor"));
    }

    [Fact]
    public async Task Runs_SeparatedByTheGap_SplitNewestFirst_PagedByCursor_AndJoinUnderALargerGap()
    {
        using var factory = new ScimApiFactory();
        var (organization, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var scim = factory.CreateClientWithToken(token);
        var admin = await factory.CreateAdminClientAsync(organization);
        var ada = await scim.CreateUserAsync("""{"userName":"ada@example.com"}""");
        await scim.CreateUserAsync("""{"userName":"grace@example.com"}""");
        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        await scim.PatchUserOkAsync(ada, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        await (await scim.DeleteAsync($"Users/{ada}")).AssertNoContentAsync();
        await scim.CreateUserAsync("""{"userName":"edsger@example.com"}""");
        await admin.WaitForActivityAsync(organization, 5);

        var runs = await RunsAsync(admin, organization, "");
        Assert.Equal([(3, 1, 0, 1, 1, 0), (2, 2, 0, 0, 0, 0)], runs.Select(Totals));
        Assert.True(runs[1]["end"]!.GetValue<DateTime>().AddMinutes(10) <= runs[0]["start"]!.GetValue<DateTime>());
        Assert.Equal([(5, 3, 0, 1, 1, 0)], (await RunsAsync(admin, organization, "gap=PT20M")).Select(Totals));

        var first = await admin.GetAdminAsync($"admin/organizations/{organization}/activity/runs?count=1");
        Assert.Equal(3, Assert.Single(first["runs"]!.AsArray())!["requests"]!.GetValue<int>());
        var cursor = Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>());
        var second = await admin.GetAdminAsync($"admin/organizations/{organization}/activity/runs?count=1&cursor={cursor}");
        Assert.Equal(2, Assert.Single(second["runs"]!.AsArray())!["creates"]!.GetValue<int>());
        Assert.False(second.ContainsKey("nextCursor"));
        await (await admin.GetAsync($"admin/organizations/{organization}/activity/runs?count=1&gap=PT20M&cursor={cursor}"))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidCursor");
    }

    [Fact]
    public async Task Runs_TwoKeysInterleaved_AreSeparateRuns_OnEveryPage()
    {
        using var factory = new ScimApiFactory();
        var (organization, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (entraKey, entraToken) = await factory.CreateApiKeyAsync(organization);
        var (oktaKey, oktaToken) = await factory.CreateApiKeyAsync(organization);
        var (entra, okta) = (factory.CreateClientWithToken(entraToken), factory.CreateClientWithToken(oktaToken));
        var admin = await factory.CreateAdminClientAsync(organization);
        await entra.CreateUserAsync("""{"userName":"e1@example.com"}""");
        await okta.CreateUserAsync("""{"userName":"o1@example.com"}""");
        await entra.CreateUserAsync("""{"userName":"e2@example.com"}""");
        await okta.CreateUserAsync("""{"userName":"o2@example.com"}""");
        await entra.CreateUserAsync("""{"userName":"e3@example.com"}""");
        await okta.CreateUserAsync("""{"userName":"o3@example.com"}""");
        await okta.CreateUserAsync("""{"userName":"o4@example.com"}""");
        await admin.WaitForActivityAsync(organization, 7);

        var runs = await RunsAsync(admin, organization, "");
        Assert.Equal([(oktaKey.ToString(), 4), (entraKey.ToString(), 3)], runs.Select(r => (r["keyId"]!.GetValue<string>(), r["creates"]!.GetValue<int>())));

        // The second page reads below the first page's run, passing over the rest of it.
        var first = await admin.GetAdminAsync($"admin/organizations/{organization}/activity/runs?count=1");
        var second = await admin.GetAdminAsync(
            $"admin/organizations/{organization}/activity/runs?count=1&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}");
        var run = Assert.Single(second["runs"]!.AsArray())!;
        Assert.Equal((entraKey.ToString(), 3), (run["keyId"]!.GetValue<string>(), run["creates"]!.GetValue<int>()));
        Assert.False(second.ContainsKey("nextCursor"));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(2, true)]
    public async Task Runs_WalkedPageByPage_AreEachKeysRowsSplitAtTheGap(int count, bool window)
    {
        using var factory = new ScimApiFactory();
        var (organization, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var admin = await factory.CreateAdminClientAsync(organization);
        var random = new Random(7);
        var origin = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var rows = new List<(DateTime Time, Guid? KeyId, JournalOperation Operation, int? Status, string? ScimType)>();
        foreach (var key in new Guid?[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null })
        {
            // Bursts at random over two days, some overlapping; rows up to 3 minutes apart, some at the same instant.
            for (var burst = 0; burst < 8; burst++)
            {
                var time = origin.AddMinutes(random.Next(0, 2 * 24 * 60));
                for (var i = random.Next(1, 30); i > 0; i--, time = time.AddSeconds(random.Next(0, 180)))
                {
                    var failed = random.Next(8) == 0;
                    rows.Add((time, key, (JournalOperation)random.Next(7), failed ? 400 + random.Next(2) * 9 : null, failed ? "uniqueness" : null));
                }
            }
        }

        // Numbered in time order, as the server writes them.
        rows = [.. rows.OrderBy(r => r.Time)];
        await factory.InsertJournalAsync(organization, rows);
        var (since, until) = (origin.AddHours(12), origin.AddHours(36));
        var query = window ? $"&since={since:yyyy-MM-ddTHH:mm:ssZ}&until={until:yyyy-MM-ddTHH:mm:ssZ}" : "";

        // Each key's rows split where the next is at least the gap later; newest last row first.
        var expected = rows.Select((row, sequence) => (Row: row, Sequence: sequence))
            .Where(r => !window || (r.Row.Time >= since && r.Row.Time < until))
            .GroupBy(r => r.Row.KeyId)
            .SelectMany(key => key.Aggregate(new List<List<(DateTime Time, Guid? KeyId, JournalOperation Operation, int? Status, string? ScimType)>>(), (runs, r) =>
            {
                if (runs.Count == 0 || r.Row.Time - runs[^1][^1].Time >= TimeSpan.FromMinutes(10))
                {
                    runs.Add([]);
                }

                runs[^1].Add(r.Row);
                return runs;
            }).Select(run => (Run: run, Last: key.Last(r => r.Row == run[^1]).Sequence)))
            .OrderByDescending(r => r.Run[^1].Time).ThenByDescending(r => r.Last)
            .Select(r => Summary(r.Run[0].KeyId, r.Run[0].Time, r.Run[^1].Time, r.Run.Count,
                r.Run.Count(x => x.Status is null && x.Operation == JournalOperation.Create),
                r.Run.Count(x => x.Status is null && x.Operation is JournalOperation.Replace or JournalOperation.Patch or JournalOperation.AddMembers or JournalOperation.RemoveMembers),
                r.Run.Count(x => x.Status is null && x.Operation == JournalOperation.Deactivate),
                r.Run.Count(x => x.Status is null && x.Operation == JournalOperation.Delete),
                r.Run.Count(x => x.Status is not null)))
            .ToList();

        var walked = new List<string>();
        var page = await admin.GetAdminAsync($"admin/organizations/{organization}/activity/runs?count={count}{query}");
        while (true)
        {
            var runs = page["runs"]!.AsArray();
            Assert.InRange(runs.Count, 1, count);
            walked.AddRange(runs.Select(run => Summary(
                run!["keyId"] is { } key ? key.GetValue<Guid>() : null, run["start"]!.GetValue<DateTime>(), run["end"]!.GetValue<DateTime>(),
                run["requests"]!.GetValue<int>(), run["creates"]!.GetValue<int>(), run["updates"]!.GetValue<int>(),
                run["deactivations"]!.GetValue<int>(), run["deletes"]!.GetValue<int>(), run["failures"]!.GetValue<int>())));
            if (page["nextCursor"] is not { } next)
            {
                break;
            }

            page = await admin.GetAdminAsync($"admin/organizations/{organization}/activity/runs?count={count}{query}&cursor={Uri.EscapeDataString(next.GetValue<string>())}");
        }

        Assert.True(expected.Count > 10, $"Only {expected.Count} runs.");
        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task Runs_LongerThanTheReadingBudget_StopEarlySayingSo_AndTheNextPageGoesOn()
    {
        using var factory = new ScimApiFactory();
        var (organization, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var admin = await factory.CreateAdminClientAsync(organization);
        var (key, origin) = (Guid.NewGuid(), new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        await factory.InsertJournalAsync(organization, Enumerable.Range(0, 20_100)
            .Select(i => (origin.AddSeconds(i), (Guid?)key, JournalOperation.Create, (int?)null, (string?)null)));

        var first = await admin.GetAdminAsync($"admin/organizations/{organization}/activity/runs?count=1");
        Assert.True(first["truncated"]!.GetValue<bool>());
        Assert.Equal(20_000, first["rowsRead"]!.GetValue<int>());
        var cut = Assert.Single(first["runs"]!.AsArray())!;
        Assert.Equal((20_000, false), (cut["creates"]!.GetValue<int>(), cut["complete"]!.GetValue<bool>()));
        var second = await admin.GetAdminAsync(
            $"admin/organizations/{organization}/activity/runs?count=1&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}");
        var rest = Assert.Single(second["runs"]!.AsArray())!;
        Assert.Equal((100, true, origin), (rest["creates"]!.GetValue<int>(), rest["complete"]!.GetValue<bool>(), rest["start"]!.GetValue<DateTime>()));
        Assert.False(second["truncated"]!.GetValue<bool>());
        Assert.False(second.ContainsKey("nextCursor"));
    }

    [Fact]
    public async Task Runs_AreReadInTheOrderOfTheJournalsIndex_FromTheFirstPageToTheNext()
    {
        var plans = new QueryPlanRecorder();
        await using var factory = new ScimApiFactory { Interceptors = [plans] };
        var (organization, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var scim = factory.CreateClientWithToken(token);
        var admin = await factory.CreateAdminClientAsync(organization);
        var since = Uri.EscapeDataString(factory.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        await scim.CreateUserAsync("""{"userName":"ada@example.com"}""");
        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        await scim.CreateUserAsync("""{"userName":"grace@example.com"}""");
        var until = Uri.EscapeDataString(factory.Clock.GetUtcNow().AddMinutes(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        plans.Clear();

        var first = await admin.GetAdminAsync($"admin/organizations/{organization}/activity/runs?count=1&since={since}&until={until}");
        await admin.GetAdminAsync(
            $"admin/organizations/{organization}/activity/runs?count=1&since={since}&until={until}&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}");

        // The runs' reads, newest first (the server's background work reads the journal too).
        var journal = plans.Plans.Where(p => p.Sql.Contains("journal", StringComparison.Ordinal) && p.Sql.Contains("\"TimeUtc\" DESC", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, journal.Count);
        Assert.All(journal, p => Assert.False(p.Sorts, $"The statement sorts the journal's rows.\n{p.Sql}\n--- plan:\n{p.Plan}"));
    }

    [Theory]
    [InlineData("since=yesterday")]
    [InlineData("until=soon")]
    [InlineData("gap=10")]
    [InlineData("gap=PT0S")]
    [InlineData("gap=P2D")]
    [InlineData("count=0")]
    [InlineData("count=101")]
    [InlineData("count=ten")]
    public async Task Runs_BadParameter_Is400InvalidValueNamingIt(string query)
    {
        using var factory = new ScimApiFactory();
        var (organization, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var admin = await factory.CreateAdminClientAsync(organization);

        var error = await (await admin.GetAsync($"admin/organizations/{organization}/activity/runs?{query}"))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        Assert.Contains(query.Split('=')[0], error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<List<JsonObject>> RunsAsync(HttpClient admin, Guid organization, string query) =>
        [.. (await admin.GetAdminAsync($"admin/organizations/{organization}/activity/runs?{query}"))["runs"]!.AsArray().Select(r => r!.AsObject())];

    private static string Summary(Guid? key, DateTime start, DateTime end, int requests, int creates, int updates, int deactivations, int deletes, int failures) =>
        $"{key} {start:O} {end:O} {requests} requests: {creates} created, {updates} updated, {deactivations} deactivated, {deletes} deleted, {failures} failed";

    private static (int Requests, int Creates, int Updates, int Deactivations, int Deletes, int Failures) Totals(JsonNode? run) => (
        run!["requests"]!.GetValue<int>(), run["creates"]!.GetValue<int>(), run["updates"]!.GetValue<int>(),
        run["deactivations"]!.GetValue<int>(), run["deletes"]!.GetValue<int>(), run["failures"]!.GetValue<int>());
}
