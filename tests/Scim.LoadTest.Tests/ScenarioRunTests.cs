using Scim.Client;
using Scim.LoadTest.Scenarios;
using Scim.LoadTest.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.LoadTest.Tests;

/// <summary>Every scenario, for a small bounded number of requests, against the real server in memory.</summary>
public sealed class ScenarioRunTests(ScenarioRunTests.Server server) : IClassFixture<ScenarioRunTests.Server>
{
    public sealed class Server : IDisposable
    {
        public ScimApiFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData("entra-cycle", "users: new")]
    [InlineData("filter-eq", "users: created")]
    [InlineData("get-by-id", "users: created")]
    [InlineData("patch-replace", "users: created")]
    [InlineData("list-page", "users: created")]
    [InlineData("group-add-members", "groups: batches, groups: created, users: created")]
    [InlineData("create", "users: new")]
    [InlineData("mixed", "groups: batches, groups: created, users: created, users: new")]
    public async Task A_scenario_runs_its_requests_without_errors_and_reports_them(string scenario, string source)
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var chart = Path.Combine(Path.GetTempPath(), $"scim-loadtest-{Guid.NewGuid():N}.svg");
        try
        {
            var run = await LoadTestHarness.RunAsync(server.Factory, token, scenario,
                "--requests", "30", "--concurrency", "4", "--working-set", "20", "--batch-size", "10", "--groups", "2", "--page-size", "5", "--chart", chart);

            Assert.True(run.ExitCode == 0, run.Console + run.Error);
            var report = run.Report;
            Assert.Equal(scenario, report.GetProperty("scenario").GetString());
            Assert.Equal(30, report.GetProperty("requests").GetInt64());
            Assert.Equal(30, report.GetProperty("successes").GetInt64());
            Assert.Equal(0, report.GetProperty("errors").GetInt64());
            Assert.Empty(report.GetProperty("errorsByStatus").EnumerateObject());
            Assert.Equal(4, report.GetProperty("concurrency").GetInt32());
            Assert.Equal("30 requests", report.GetProperty("bound").GetString());
            Assert.True(report.GetProperty("throughput").GetDouble() > 0);
            Assert.True(report.GetProperty("elapsedSeconds").GetDouble() > 0);
            Assert.Equal(source, report.GetProperty("dataset").GetProperty("source").GetString());

            var latency = report.GetProperty("latencyMs");
            var (p50, p95, p99, max) = (latency.GetProperty("p50").GetDouble(), latency.GetProperty("p95").GetDouble(), latency.GetProperty("p99").GetDouble(), latency.GetProperty("max").GetDouble());
            Assert.True(p50 > 0 && p50 <= p95 && p95 <= p99 && p99 <= max, latency.ToString());

            var operations = report.GetProperty("operations").EnumerateArray().ToList();
            Assert.NotEmpty(operations);
            Assert.Equal(30, operations.Sum(o => o.GetProperty("requests").GetInt64()));
            Assert.Equal(30, report.GetProperty("timeline").EnumerateArray().Sum(p => p.GetProperty("requests").GetInt64()));

            Assert.Contains("p99 ms", run.Console, StringComparison.Ordinal);
            var svg = await File.ReadAllTextAsync(chart);
            Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
            Assert.Contains("<polyline", svg, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(chart);
        }
    }

    // cursor-walk and fairness have tests of their own: the first needs a server with cursors, the second a second organization.
    [Fact]
    public void Every_scenario_has_a_test() =>
        Assert.Equal(
            ScenarioCatalog.Names.Where(n => n is not (ScenarioCatalog.CursorWalk or ScenarioCatalog.Fairness)).Order(),
            typeof(ScenarioRunTests).GetMethod(nameof(A_scenario_runs_its_requests_without_errors_and_reports_them))!
                .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
                .Select(a => (string)a.GetData(null!).Single()[0]).Order());

    [Fact]
    public async Task The_entra_cycle_is_lookup_create_patch_and_later_scenarios_discover_its_users()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var cycle = await LoadTestHarness.RunAsync(server.Factory, token, "entra-cycle", "--requests", "30", "--concurrency", "1");
        Assert.Equal(0, cycle.ExitCode);
        var operations = cycle.Report.GetProperty("operations").EnumerateArray()
            .ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("requests").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["GET /Users?filter"] = 10, ["POST /Users"] = 10, ["PATCH /Users/{id}"] = 10 }, operations);

        var lookups = await LoadTestHarness.RunAsync(server.Factory, token, "filter-eq", "--requests", "20", "--concurrency", "2");
        Assert.Equal(0, lookups.ExitCode);
        var dataset = lookups.Report.GetProperty("dataset");
        Assert.Equal("users: existing", dataset.GetProperty("source").GetString());
        Assert.Equal(10, dataset.GetProperty("users").GetInt32());
        Assert.Equal(10, dataset.GetProperty("totalUsers").GetInt64());
        Assert.Contains("Discovered 10 of 10 existing users", lookups.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_posts_one_new_entra_shaped_user_per_request()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "create", "--requests", "6", "--concurrency", "2");

        Assert.True(run.ExitCode == 0, run.Console + run.Error);
        var operation = Assert.Single(run.Report.GetProperty("operations").EnumerateArray());
        Assert.Equal("POST /Users", operation.GetProperty("name").GetString());
        Assert.Equal(6, operation.GetProperty("requests").GetInt64());

        using var http = server.Factory.CreateClientWithToken(token);
        var users = await new ScimClient(http).ListUsersAsync(count: 100);
        Assert.Equal(6, users.TotalResults);
        Assert.Equal(6, users.Resources.Select(u => u.UserName).Distinct(StringComparer.Ordinal).Count());
        Assert.All(users.Resources, user =>
        {
            Assert.EndsWith("@loadtest.example", user.UserName, StringComparison.Ordinal);
            Assert.True(user.Active);
            Assert.False(string.IsNullOrEmpty(user.ExternalId));
            Assert.False(string.IsNullOrEmpty(user.DisplayName));
            Assert.False(string.IsNullOrEmpty(user.Name?.GivenName));
            Assert.False(string.IsNullOrEmpty(user.Name?.FamilyName));
            Assert.Equal("Load tester", user.Title);
            var email = Assert.Single(user.Emails ?? []);
            Assert.Equal(user.UserName, email.Value);
            Assert.Equal("work", email.Type);
            Assert.True(email.Primary);
            Assert.False(string.IsNullOrEmpty(user.Enterprise?.Department));
            Assert.False(string.IsNullOrEmpty(user.Enterprise?.EmployeeNumber));
        });
    }

    [Fact]
    public async Task Mixed_can_draw_creates()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "mixed", "--mix", "create=1", "--requests", "5", "--concurrency", "1");

        Assert.True(run.ExitCode == 0, run.Console + run.Error);
        Assert.Equal("POST /Users", Assert.Single(run.Report.GetProperty("operations").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(5, run.Report.GetProperty("successes").GetInt64());
    }

    [Fact]
    public async Task Warmup_requests_are_left_out_and_the_request_bound_is_exact()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "entra-cycle", "--requests", "25", "--warmup", "10", "--concurrency", "8");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(25, run.Report.GetProperty("requests").GetInt64());
        Assert.Equal(10, run.Report.GetProperty("warmupRequests").GetInt64());
        Assert.Equal("10 requests", run.Report.GetProperty("warmup").GetString());
    }

    [Fact]
    public async Task A_duration_bound_stops_the_run_by_itself()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var html = Path.Combine(Path.GetTempPath(), $"scim-loadtest-{Guid.NewGuid():N}.html");
        try
        {
            var run = await LoadTestHarness.RunAsync(server.Factory, token, "get-by-id", "--duration", "1s", "--concurrency", "2", "--working-set", "10", "--chart", html);

            Assert.Equal(0, run.ExitCode);
            var elapsed = run.Report.GetProperty("elapsedSeconds").GetDouble();
            Assert.InRange(elapsed, 1.0, 10.0);
            Assert.Equal("1 s", run.Report.GetProperty("bound").GetString());
            Assert.True(run.Report.GetProperty("requests").GetInt64() > 0);
            var page = await File.ReadAllTextAsync(html);
            Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
            Assert.Contains("<svg", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal).Replace("http://localhost/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(html);
        }
    }

    [Fact]
    public async Task Failed_requests_are_counted_by_status_and_make_the_exit_code_1()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        using var handler = new FailEveryThirdGetById { InnerHandler = server.Factory.Server.CreateHandler() };
        var run = await LoadTestHarness.RunAsync(["--base-url", "http://localhost/", "--token", token, "get-by-id", "--requests", "12", "--concurrency", "1", "--working-set", "5"], handler);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(12, run.Report.GetProperty("requests").GetInt64());
        Assert.Equal(4, run.Report.GetProperty("errors").GetInt64());
        Assert.Equal(4, run.Report.GetProperty("errorsByStatus").GetProperty("503").GetInt64());
        Assert.Contains("Try again later", run.Report.GetProperty("errorExamples").GetProperty("503").GetString(), StringComparison.Ordinal);
        Assert.Contains("errors by status", run.Console, StringComparison.Ordinal);
    }

    /// <summary>Answers every third <c>GET /Users/{id}</c> with a SCIM 503 instead of passing it on.</summary>
    private sealed class FailEveryThirdGetById : DelegatingHandler
    {
        private int count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.StartsWith("/Users/", StringComparison.Ordinal) && ++count % 3 == 0)
            {
                return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable)
                {
                    Content = new StringContent("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"503","detail":"Try again later."}""", System.Text.Encoding.UTF8, "application/scim+json"),
                });
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task Cursor_walk_follows_next_cursors_across_the_directory()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var seed = await LoadTestHarness.RunAsync(server.Factory, token, "entra-cycle", "--requests", "15", "--concurrency", "1");
        Assert.Equal(0, seed.ExitCode);

        // Five users in pages of two: three pages a walk, then it starts again from the first page.
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "cursor-walk", "--requests", "10", "--concurrency", "1", "--page-size", "2");

        Assert.True(run.ExitCode == 0, run.Console + run.Error);
        Assert.Equal(10, run.Report.GetProperty("successes").GetInt64());
        Assert.Equal(0, run.Report.GetProperty("errors").GetInt64());
    }

    [Fact]
    public async Task A_rejected_token_is_one_line_and_exit_code_2()
    {
        _ = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, "scim_not-a-real-key", "filter-eq", "--requests", "10");

        run.AssertNotRun("the server rejected the token (HTTP 401");
    }
}
