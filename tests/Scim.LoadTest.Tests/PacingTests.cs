using System.Net;
using Scim.LoadTest.Tests.Infrastructure;

namespace Scim.LoadTest.Tests;

/// <summary>
/// How the workers pace themselves as an identity provider's client does: at most <c>--rate</c> requests per second,
/// and after a 429 or 503 with Retry-After, not before the seconds it names.
/// </summary>
public sealed class PacingTests(ScenarioRunTests.Server server) : IClassFixture<ScenarioRunTests.Server>
{
    [Fact]
    public async Task With_a_rate_the_workers_send_no_more_than_it_allows()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "get-by-id", "--rate", "10", "--duration", "1s", "--concurrency", "2", "--working-set", "5");

        Assert.True(run.ExitCode == 0, run.Console + run.Error);

        // Ten a second over one second; unpaced, the in-memory server answers hundreds.
        var requests = run.Report.GetProperty("requests").GetInt64();
        Assert.InRange(requests, 1, 12);
    }

    [Fact]
    public async Task A_paced_worker_whose_next_start_falls_after_the_duration_stops_with_the_run()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);

        // Each of the 8 workers may start one request every 8 s, the first at once and the others a second apart: one
        // request, and the run ends with its 1 s, not 8 s later.
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "get-by-id", "--rate", "1", "--duration", "1s", "--concurrency", "8", "--working-set", "5");

        Assert.True(run.ExitCode == 0, run.Console + run.Error);
        Assert.Equal(1, run.Report.GetProperty("requests").GetInt64());
        Assert.InRange(run.Report.GetProperty("elapsedSeconds").GetDouble(), 0, 5);
    }

    [Fact]
    public async Task After_a_503_with_Retry_After_a_worker_waits_the_seconds_it_names()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        using var refusing = new RefusingHandler(server.Factory.Server.CreateHandler());
        var run = await LoadTestHarness.RunAsync(
            ["get-by-id", "--base-url", "http://localhost/", "--token", token, "--duration", "1s", "--concurrency", "2", "--working-set", "5"], refusing);

        // A run whose requests failed ends with exit code 1, and its report.
        Assert.True(run.ExitCode == 1, run.Console + run.Error);

        // Each worker is refused, then waits the 2 s Retry-After names: past the end of the 1 s phase.
        var report = run.Report;
        Assert.Equal(2, report.GetProperty("requests").GetInt64());
        Assert.Equal(2, report.GetProperty("errorsByStatus").GetProperty("503").GetInt64());
    }

    // Answers every GET of one user with 503 and Retry-After: 2; passes everything else (the run's preparation) on.
    private sealed class RefusingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Get || request.RequestUri?.AbsolutePath.StartsWith("/Users/", StringComparison.Ordinal) != true)
            {
                return base.SendAsync(request, cancellationToken);
            }

            var refused = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                Content = new StringContent(
                    """{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"503","detail":"Busy."}""",
                    System.Text.Encoding.UTF8, "application/scim+json"),
            };
            refused.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
            return Task.FromResult(refused);
        }
    }
}
