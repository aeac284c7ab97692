using Scim.LoadTest.Floor;
using Scim.LoadTest.Tests.Infrastructure;

namespace Scim.LoadTest.Tests;

/// <summary>The floor command (a real SQLite file and a real Kestrel server, briefly) and the scenarios' <c>--floor</c>.</summary>
public sealed class FloorTests(ScenarioRunTests.Server server) : IClassFixture<ScenarioRunTests.Server>
{
    [Fact]
    public async Task The_floor_measures_durable_commits_and_bare_kestrel_requests_and_writes_them_as_json()
    {
        var directory = Directory.CreateTempSubdirectory("scim-floor-test-");
        try
        {
            var run = await LoadTestHarness.RunAsync(["floor", "--concurrency", "2", "--duration", "300ms", "--database-dir", directory.FullName], handler: null);

            Assert.True(run.ExitCode == 0, run.Console + run.Error);
            var report = run.Report;
            Assert.True(report.GetProperty("durableCommitsPerSecond").GetDouble() > 0);
            Assert.True(report.GetProperty("kestrelRequestsPerSecond").GetDouble() > 0);
            foreach (var latency in new[] { report.GetProperty("commitLatencyMs"), report.GetProperty("kestrelLatencyMs") })
            {
                Assert.True(latency.GetProperty("p50").GetDouble() > 0 && latency.GetProperty("p50").GetDouble() <= latency.GetProperty("p99").GetDouble(), latency.ToString());
            }

            Assert.Equal(2, report.GetProperty("concurrency").GetInt32());
            Assert.Equal(0.3, report.GetProperty("durationSeconds").GetDouble(), 6);
            Assert.Equal(Environment.ProcessorCount, report.GetProperty("machine").GetProperty("processorCount").GetInt32());
            Assert.False(string.IsNullOrEmpty(report.GetProperty("machine").GetProperty("osDescription").GetString()));
            Assert.InRange(report.GetProperty("kestrelResponseBytes").GetInt32(), 1500, 3000);
            Assert.Contains("durable commits", run.Console, StringComparison.Ordinal);
            // The console wraps long lines at its width.
            Assert.Contains("share the machine's", System.Text.RegularExpressions.Regex.Replace(run.Console, @"\s+", " "), StringComparison.Ordinal);
            Assert.Empty(directory.EnumerateFiles());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--duration", "6m", "--duration: '6m' is longer than the maximum of 5m")]
    [InlineData("--duration", "soon", "--duration: 'soon' is not a duration")]
    [InlineData("--concurrency", "0", "--concurrency must be between 1 and 1024")]
    [InlineData("--database-dir", "/nonexistent-dir", "--database-dir: '/nonexistent-dir' is not a directory")]
    [InlineData("--output", "/nonexistent-dir/floor.json", "--output: cannot write '/nonexistent-dir/floor.json': its directory does not exist")]
    public async Task Bad_floor_options_are_one_line_and_exit_code_2(string option, string value, string message)
    {
        var run = await LoadTestHarness.RunAsync(["floor", option, value], handler: null);

        run.AssertNotRun(message);
    }

    [Theory]
    [InlineData("get-by-id", false, true)]
    [InlineData("patch-replace", true, false)]
    [InlineData("mixed", true, true)]
    public async Task With_a_floor_the_report_adds_the_throughputs_ratio_to_the_floor_that_bounds_it(string scenario, bool commits, bool requests)
    {
        var floorPath = Path.Combine(Path.GetTempPath(), $"scim-floor-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(floorPath, new FloorReport
        {
            StartedAt = DateTimeOffset.UtcNow,
            DurableCommitsPerSecond = 500,
            CommitLatencyMs = new FloorLatency(2, 9),
            KestrelRequestsPerSecond = 20_000,
            KestrelLatencyMs = new FloorLatency(0.2, 1),
            Concurrency = 4,
            DurationSeconds = 10,
            Machine = new MachineInfo(2, "test", "test"),
        }.ToJson());
        try
        {
            var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
            var run = await LoadTestHarness.RunAsync(server.Factory, token, scenario,
                "--requests", "20", "--concurrency", "4", "--working-set", "10", "--batch-size", "5", "--groups", "2", "--floor", floorPath);

            Assert.True(run.ExitCode == 0, run.Console + run.Error);
            var throughput = run.Report.GetProperty("throughput").GetDouble();
            var ratio = run.Report.GetProperty("floorRatio");
            Assert.Equal(commits, ratio.TryGetProperty("durableCommits", out var commitRatio));
            Assert.Equal(requests, ratio.TryGetProperty("kestrelRequests", out var requestRatio));
            if (commits)
            {
                Assert.Equal(Math.Round(throughput / 500, 4), commitRatio.GetDouble(), 6);
            }

            if (requests)
            {
                Assert.Equal(Math.Round(throughput / 20_000, 4), requestRatio.GetDouble(), 6);
            }

            var floor = run.Report.GetProperty("floor");
            Assert.Equal(floorPath, floor.GetProperty("path").GetString());
            Assert.Equal(500, floor.GetProperty("durableCommitsPerSecond").GetDouble());
            Assert.Equal(20_000, floor.GetProperty("kestrelRequestsPerSecond").GetDouble());
            Assert.Contains("Floor ratio:", run.Console, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(floorPath);
        }
    }

    [Fact]
    public async Task Without_a_floor_the_report_has_no_ratio()
    {
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "get-by-id", "--requests", "5", "--working-set", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.False(run.Report.TryGetProperty("floorRatio", out _));
        Assert.False(run.Report.TryGetProperty("floor", out _));
    }

    [Fact]
    public async Task With_the_server_pid_the_report_states_the_servers_cpu_per_request()
    {
        // The in-memory server runs in this process, so this process's CPU is the server's (plus the driver's).
        var token = await LoadTestHarness.NewOrganizationAsync(server.Factory);
        var run = await LoadTestHarness.RunAsync(server.Factory, token, "get-by-id", "--requests", "200", "--working-set", "5",
            "--server-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.Console + run.Error);
        Assert.True(run.Report.GetProperty("serverCpuMsPerRequest").GetDouble() > 0);
        Assert.Contains("ms per request", run.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_pid_that_is_no_process_is_one_line_and_exit_code_2()
    {
        var run = await LoadTestHarness.RunAsync(["get-by-id", "--base-url", "http://127.0.0.1:1/", "--token", "scim_x", "--server-pid", "999999999"], handler: null);

        run.AssertNotRun("--server-pid: cannot read /proc/999999999/stat");
    }

    [Fact]
    public async Task A_missing_floor_file_is_one_line_and_exit_code_2()
    {
        var run = await LoadTestHarness.RunAsync(["get-by-id", "--base-url", "http://127.0.0.1:1/", "--token", "scim_x", "--floor", "/nonexistent-dir/floor.json"], handler: null);

        run.AssertNotRun("--floor: cannot read '/nonexistent-dir/floor.json'");
    }

    [Fact]
    public async Task A_file_that_is_not_a_floor_is_one_line_and_exit_code_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scim-floor-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"scenario":"get-by-id","throughput":100}""");
        try
        {
            var run = await LoadTestHarness.RunAsync(["get-by-id", "--base-url", "http://127.0.0.1:1/", "--token", "scim_x", "--floor", path], handler: null);

            run.AssertNotRun($"--floor: '{path}' is not a floor report");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
