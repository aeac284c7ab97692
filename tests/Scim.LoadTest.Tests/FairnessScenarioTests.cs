using System.Text.Json;
using Scim.Client;
using Scim.LoadTest.Scenarios;
using Scim.LoadTest.Tests.Infrastructure;

namespace Scim.LoadTest.Tests;

/// <summary>The fairness scenario: two organizations on one in-memory server, small writes measured idle and then loaded.</summary>
public sealed class FairnessScenarioTests(ScenarioRunTests.Server server) : IClassFixture<ScenarioRunTests.Server>
{
    [Fact]
    public async Task Fairness_measures_the_small_writes_idle_then_beside_the_other_organizations_member_batches()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var noisyToken = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "fairness", "--noisy-token", noisyToken, "--noisy-batch-size", "15",
            "--requests", "20", "--concurrency", "2", "--working-set", "10");

        Assert.True(run.ExitCode == 0, run.Console + run.Error);
        var report = run.Report;
        var phases = report.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal(["idle", "loaded"], phases.Select(p => p.GetProperty("name").GetString()));
        Assert.All(phases, phase =>
        {
            Assert.Equal(20, phase.GetProperty("requests").GetInt64());
            Assert.Equal(0, phase.GetProperty("errors").GetInt64());
            Assert.True(phase.GetProperty("latencyMs").GetProperty("p99").GetDouble() > 0);
        });
        Assert.Equal(0, phases[0].GetProperty("startSecond").GetDouble());
        Assert.True(phases[1].GetProperty("startSecond").GetDouble() >= phases[0].GetProperty("elapsedSeconds").GetDouble());

        // The measured requests are the small writes of both phases; the background batches are reported apart.
        Assert.Equal(40, report.GetProperty("requests").GetInt64());
        Assert.Equal(40, report.GetProperty("timeline").EnumerateArray().Sum(p => p.GetProperty("requests").GetInt64()));
        Assert.Equal("PATCH /Users/{id}", Assert.Single(report.GetProperty("operations").EnumerateArray()).GetProperty("name").GetString());
        Assert.False(phases[0].TryGetProperty("background", out _));
        var background = phases[1].GetProperty("background");
        Assert.True(background.GetProperty("requests").GetInt64() >= 1);
        Assert.Equal(0, background.GetProperty("errors").GetInt64());
        Assert.Equal("PATCH /Groups/{id}", background.GetProperty("operations")[0].GetProperty("name").GetString());

        var comparison = report.GetProperty("comparison");
        Assert.Equal("idle", comparison.GetProperty("baseline").GetString());
        Assert.Equal("loaded", comparison.GetProperty("compared").GetString());
        Assert.Equal(Math.Round(P99(phases[1]) / P99(phases[0]), 3), comparison.GetProperty("p99Ratio").GetDouble(), 6);
        Assert.Contains("loaded p99 / idle p99 =", run.Console, StringComparison.Ordinal);

        // The empty noisy organization got the users of a batch (a working set, then the rest) and the group the batches go to.
        using var noisyHttp = server.Factory.CreateClientWithToken(noisyToken);
        var noisy = new ScimClient(noisyHttp);
        Assert.Equal(15, (await noisy.ListUsersAsync(count: 1)).TotalResults);
        var group = Assert.Single((await noisy.ListGroupsAsync(filter: $"displayName eq \"{FairnessScenario.NoisyGroupName}\"")).Resources);
        Assert.Contains(group.Members?.Count ?? 0, new[] { 0, 15 });
        using var http = server.Factory.CreateClientWithToken(token);
        Assert.Equal(0, (await new ScimClient(http).ListGroupsAsync(filter: $"displayName eq \"{FairnessScenario.NoisyGroupName}\"")).TotalResults);
    }

    [Fact]
    public async Task Fairness_with_noisy_filters_sends_contains_filters_of_the_other_organization_from_as_many_tasks_as_asked()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var noisyToken = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "fairness", "--noisy-token", noisyToken, "--noisy-load", "filters", "--noisy-concurrency", "3",
            "--requests", "20", "--concurrency", "2", "--working-set", "10");

        Assert.True(run.ExitCode == 0, run.Console + run.Error);
        var phases = run.Report.GetProperty("phases").EnumerateArray().ToList();
        Assert.All(phases, phase => Assert.Equal(0, phase.GetProperty("errors").GetInt64()));
        var background = phases[1].GetProperty("background");
        Assert.True(background.GetProperty("requests").GetInt64() >= 3);
        Assert.Equal(0, background.GetProperty("errors").GetInt64());
        Assert.Equal("GET /Users?filter co", Assert.Single(background.GetProperty("operations").EnumerateArray()).GetProperty("name").GetString());
        Assert.Contains("3 at once", phases[1].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"idle p99 [0-9.]+ ms, loaded p99 [0-9.]+ ms: loaded p99 / idle p99 =", run.Console);
    }

    [Fact]
    public async Task Fairness_without_a_noisy_token_is_one_line_and_exit_code_2()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "fairness", "--requests", "5");

        run.AssertNotRun("fairness needs --noisy-token");
    }

    [Fact]
    public async Task The_same_key_as_noisy_token_is_one_line_and_exit_code_2()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "fairness", "--noisy-token", token, "--requests", "5");

        run.AssertNotRun("--noisy-token must be another organization's key");
    }

    [Fact]
    public async Task A_noisy_token_of_the_same_organization_is_one_line_and_exit_code_2()
    {
        var (organization, token) = await server.Factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (_, secondKey) = await server.Factory.CreateApiKeyAsync(organization);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "fairness", "--noisy-token", secondKey, "--requests", "5", "--working-set", "5");

        run.AssertNotRun("fairness: --noisy-token belongs to the same organization as --token");
    }

    [Fact]
    public async Task A_rejected_noisy_token_is_one_line_and_exit_code_2()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "fairness", "--noisy-token", "scim_not-a-real-key", "--requests", "5", "--working-set", "5");

        run.AssertNotRun("fairness: the server rejected --noisy-token (HTTP 401)");
    }

    [Fact]
    public async Task A_noisy_batch_larger_than_the_servers_array_limit_is_one_line_and_exit_code_2()
    {
        var run = await LoadTestHarness.RunAsync(["fairness", "--base-url", "http://127.0.0.1:1/", "--token", "scim_x", "--noisy-token", "scim_y", "--noisy-batch-size", "10001"], handler: null);

        run.AssertNotRun("--noisy-batch-size must be between 1 and 10000, got 10001");
    }

    private static double P99(JsonElement phase) => phase.GetProperty("latencyMs").GetProperty("p99").GetDouble();
}
