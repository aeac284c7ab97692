using System.Diagnostics;

namespace Scim.LoadTest.Tests;

public class LatencyDistributionTests
{
    private static long Ms(double ms) => (long)Math.Round(ms * Stopwatch.Frequency / 1000.0);

    [Fact]
    public void Nearest_rank_percentiles_of_1_to_100_ms()
    {
        // Shuffled, and spread over several recorders as the workers would leave them.
        var values = Enumerable.Range(1, 100).OrderBy(i => (i * 37) % 101).ToList();
        var recorders = Enumerable.Range(0, 4).Select(_ => new LatencyRecorder()).ToArray();
        for (var i = 0; i < values.Count; i++)
        {
            recorders[i % 4].Record(0, Ms(values[i]), Operation.GetUser, Outcomes.Success);
        }

        var distribution = new LatencyDistribution(LatencyRecorder.Merge(recorders).Select(s => s.Elapsed));

        Assert.Equal(100, distribution.Count);
        Assert.Equal(50, distribution.PercentileMs(50), 6);
        Assert.Equal(95, distribution.PercentileMs(95), 6);
        Assert.Equal(99, distribution.PercentileMs(99), 6);
        Assert.Equal(100, distribution.MaxMs, 6);
        Assert.Equal(1, distribution.MinMs, 6);
        Assert.Equal(50.5, distribution.MeanMs, 3);
    }

    [Fact]
    public void Percentiles_take_the_smallest_value_that_covers_the_share()
    {
        // 10 values: p50 is the 5th, p95 and p99 are the 10th (ceil(9.5), ceil(9.9)).
        var distribution = new LatencyDistribution([Ms(10), Ms(1), Ms(9), Ms(2), Ms(8), Ms(3), Ms(7), Ms(4), Ms(6), Ms(500)]);

        Assert.Equal(6, distribution.PercentileMs(50), 6);
        Assert.Equal(500, distribution.PercentileMs(95), 6);
        Assert.Equal(500, distribution.PercentileMs(99), 6);
        Assert.Equal(1, distribution.PercentileMs(0), 6);
    }

    [Fact]
    public void One_sample_is_every_percentile_and_none_is_zero()
    {
        var one = new LatencyDistribution([Ms(3.5)]);
        Assert.Equal(3.5, one.PercentileMs(50), 3);
        Assert.Equal(3.5, one.PercentileMs(99), 3);
        Assert.Equal(3.5, one.MaxMs, 3);

        var none = new LatencyDistribution([]);
        Assert.Equal(0, none.PercentileMs(99));
        Assert.Equal(0, none.MaxMs);
    }

    [Fact]
    public void The_report_counts_errors_by_status_and_builds_one_timeline_point_per_second()
    {
        var second = Stopwatch.Frequency;
        var recorder = new LatencyRecorder();
        recorder.Record(0, Ms(5), Operation.LookupUser, Outcomes.Success);
        recorder.Record(second / 2, Ms(7), Operation.CreateUser, 409);
        recorder.Record(second + 10, Ms(9), Operation.PatchUser, Outcomes.Success);
        recorder.Record(second + 20, Ms(11), Operation.PatchUser, Outcomes.Transport);
        var options = new LoadTestOptions { Scenario = "entra-cycle", BaseUrl = new Uri("http://localhost/"), Token = "t", Concurrency = 2 };
        var run = new RunResult(LatencyRecorder.Merge([recorder]), 2.0, DateTimeOffset.UtcNow, 0, new Dictionary<string, string>());

        var report = LoadTestReport.Build(options, run, new DatasetReport("users: new", -1, 0, 0, []));

        Assert.Equal(4, report.Requests);
        Assert.Equal(2, report.Errors);
        Assert.Equal(2.0, report.Throughput);
        Assert.Equal(new Dictionary<string, long> { ["409"] = 1, ["transport"] = 1 }, report.ErrorsByStatus);
        Assert.Equal([0, 1], report.Timeline.Select(p => p.Second));
        Assert.Equal([2L, 2L], report.Timeline.Select(p => p.Requests));
        Assert.Equal(["GET /Users?filter", "POST /Users", "PATCH /Users/{id}"], report.Operations.Select(o => o.Name));
        Assert.Equal(11, report.LatencyMs.Max, 3);
        Assert.Equal(7, report.LatencyMs.P50, 3);
    }
}
