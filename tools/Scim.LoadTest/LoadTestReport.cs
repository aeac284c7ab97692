using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Scim.LoadTest.Floor;
using Scim.LoadTest.Scenarios;

namespace Scim.LoadTest;

/// <summary>Latency in milliseconds.</summary>
internal sealed record LatencySummary(double P50, double P95, double P99, double Max, double Min, double Mean);

/// <summary>One operation's share of the run.</summary>
internal sealed record OperationReport(string Name, long Requests, long Errors, double Throughput, LatencySummary LatencyMs, IReadOnlyDictionary<string, long> ErrorsByStatus);

/// <summary>One second of the measured phase (requests that completed in it).</summary>
internal sealed record TimelinePoint(int Second, long Requests, long Errors, double P50, double P95, double P99, double Max);

/// <summary>What the scenario worked on: users and groups discovered or created before the measured phase.</summary>
internal sealed record DatasetReport(string Source, long TotalUsers, int Users, int Groups, IReadOnlyList<string> Notes);

/// <summary>
/// One phase of a scenario measured in several (<c>fairness</c>: <c>idle</c>, then <c>loaded</c>): the measured requests
/// of that phase alone, and the background load that ran beside them.
/// </summary>
/// <param name="Name">The phase's short name.</param>
/// <param name="Description">What went on during it.</param>
/// <param name="StartSecond">When the phase started, in seconds since the first phase started (where it begins in <see cref="LoadTestReport.Timeline"/>).</param>
/// <param name="Requests">Measured requests in the phase.</param>
/// <param name="Errors">Failed ones among them.</param>
/// <param name="ElapsedSeconds">The phase's length.</param>
/// <param name="Throughput">Measured requests per second.</param>
/// <param name="LatencyMs">Latency of the measured requests.</param>
/// <param name="ServerCpuMsPerRequest">The server's CPU in the phase (the background load's share included) per measured request.</param>
/// <param name="Background">The background load, or null.</param>
internal sealed record PhaseReport(
    string Name,
    string Description,
    double StartSecond,
    long Requests,
    long Errors,
    double ElapsedSeconds,
    double Throughput,
    LatencySummary LatencyMs,
    double? ServerCpuMsPerRequest,
    BackgroundLoadReport? Background);

/// <summary>
/// The requests a phase's background load sent (not part of any measured figure); its failures make the exit code 1,
/// because a phase whose background load failed did not measure what it says. Requests the server refused by a limit
/// (429, 503) are <paramref name="Refused"/>, not errors: the limits at work on the background organization.
/// </summary>
internal sealed record BackgroundLoadReport(long Requests, long Errors, IReadOnlyList<OperationReport> Operations, IReadOnlyDictionary<string, string> ErrorExamples, long Refused = 0);

/// <summary>The last phase against the first: how much slower the measured requests got (<c>fairness</c>: loaded / idle).</summary>
/// <param name="Baseline">The first phase's name.</param>
/// <param name="Compared">The last phase's name.</param>
/// <param name="P50Ratio">The compared phase's p50 divided by the baseline phase's; null when the baseline's is 0.</param>
/// <param name="P99Ratio">The same for p99: the figure <c>fairness</c> is about.</param>
internal sealed record PhaseComparison(string Baseline, string Compared, double? P50Ratio, double? P99Ratio)
{
    public static PhaseComparison Of(PhaseReport baseline, PhaseReport compared) =>
        new(baseline.Name, compared.Name, Ratio(compared.LatencyMs.P50, baseline.LatencyMs.P50), Ratio(compared.LatencyMs.P99, baseline.LatencyMs.P99));

    private static double? Ratio(double value, double baseline) => baseline > 0 ? Math.Round(value / baseline, 3) : null;
}

/// <summary>The JSON report (<c>--output</c>); the console table and the chart show the same numbers.</summary>
internal sealed record LoadTestReport
{
    public required string Scenario { get; init; }

    public required string BaseUrl { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required int Concurrency { get; init; }

    public required string Bound { get; init; }

    public string? Warmup { get; init; }

    public long WarmupRequests { get; init; }

    public IReadOnlyDictionary<string, int>? Mix { get; init; }

    public required DatasetReport Dataset { get; init; }

    /// <summary>Requests in the measured phase (each step of a multi-request scenario counts once).</summary>
    public required long Requests { get; init; }

    public required long Successes { get; init; }

    public required long Errors { get; init; }

    /// <summary>Failed requests by HTTP status code, or <c>transport</c>, <c>timeout</c>, <c>check</c>, <c>exception</c>.</summary>
    public required IReadOnlyDictionary<string, long> ErrorsByStatus { get; init; }

    /// <summary>The first message seen for each error kind.</summary>
    public required IReadOnlyDictionary<string, string> ErrorExamples { get; init; }

    public required double ElapsedSeconds { get; init; }

    /// <summary>Requests per second over the measured phase.</summary>
    public required double Throughput { get; init; }

    /// <summary>Latency of every measured request, successful or not.</summary>
    public required LatencySummary LatencyMs { get; init; }

    public required IReadOnlyList<OperationReport> Operations { get; init; }

    public required IReadOnlyList<TimelinePoint> Timeline { get; init; }

    /// <summary>
    /// CPU milliseconds (user + system) the server process used per measured request; null without <c>--server-pid</c>.
    /// Resolution: 10 ms of CPU over the whole phase.
    /// </summary>
    public double? ServerCpuMsPerRequest { get; init; }

    /// <summary>
    /// The phases of a scenario measured in several (<c>fairness</c>); null for the others. The top-level figures then
    /// cover all phases: their requests together, over the sum of their lengths.
    /// </summary>
    public IReadOnlyList<PhaseReport>? Phases { get; init; }

    /// <summary>The last phase against the first, when there are <see cref="Phases"/>.</summary>
    public PhaseComparison? Comparison { get; init; }

    /// <summary>The floor given with <c>--floor</c>; null without one.</summary>
    public FloorReference? Floor { get; init; }

    /// <summary><see cref="Throughput"/> divided by the floor that bounds the scenario; null without <c>--floor</c>.</summary>
    public FloorRatio? FloorRatio { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file for people and tools, not for embedding in HTML: keep '&', '<' and '>' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Builds the report from the merged samples of the measured phase.</summary>
    public static LoadTestReport Build(LoadTestOptions options, RunResult run, DatasetReport dataset)
    {
        var samples = run.Samples;
        var elapsed = Math.Max(run.ElapsedSeconds, 1e-9);
        var all = new LatencyDistribution(samples.Select(s => s.Elapsed));
        var operations = OperationsOf(samples, elapsed);
        var second = Stopwatch.Frequency;
        var timeline = samples
            .GroupBy(s => (int)((s.Start + s.Elapsed) / second))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var d = new LatencyDistribution(g.Select(s => s.Elapsed)).Summary();
                return new TimelinePoint(g.Key, g.Count(), g.Count(s => s.Outcome != Outcomes.Success), d.P50, d.P95, d.P99, d.Max);
            })
            .ToList();
        var errors = samples.Count(s => s.Outcome != Outcomes.Success);
        var throughput = Math.Round(samples.Count / elapsed, 1);
        var phases = run.Phases.Count == 0 ? null : run.Phases.Select(PhaseOf).ToList();
        return new LoadTestReport
        {
            Scenario = options.Scenario,
            BaseUrl = options.BaseUrl.AbsoluteUri,
            StartedAt = run.StartedAt,
            Concurrency = options.Concurrency,
            Bound = options.Bound.ToString(),
            Warmup = options.Warmup?.ToString(),
            WarmupRequests = run.WarmupRequests,
            Mix = options.Scenario == ScenarioCatalog.Mixed ? options.Mix : null,
            Dataset = dataset,
            Requests = samples.Count,
            Successes = samples.Count - errors,
            Errors = errors,
            ErrorsByStatus = ErrorCounts(samples),
            ErrorExamples = run.ErrorExamples,
            ElapsedSeconds = Math.Round(run.ElapsedSeconds, 3),
            Throughput = throughput,
            LatencyMs = all.Summary(),
            Operations = operations,
            Timeline = timeline,
            ServerCpuMsPerRequest = CpuPerRequest(run.ServerCpuSeconds, samples.Count),
            Phases = phases,
            Comparison = phases is [var first, .., var last] ? PhaseComparison.Of(first, last) : null,
            Floor = options.Floor is { } f ? new FloorReference(options.FloorPath!, f.DurableCommitsPerSecond, f.KestrelRequestsPerSecond, f.Concurrency, f.StartedAt) : null,
            FloorRatio = options.Floor is { } floor ? FloorRatio.For(options.Scenario, throughput, floor) : null,
        };
    }

    private static List<OperationReport> OperationsOf(IReadOnlyCollection<Sample> samples, double elapsedSeconds) => samples
        .GroupBy(s => s.Operation)
        .OrderBy(g => g.Key)
        .Select(g => new OperationReport(
            Scim.LoadTest.Operations.Describe(g.Key),
            g.Count(),
            g.Count(s => s.Outcome != Outcomes.Success),
            Math.Round(g.Count() / elapsedSeconds, 1),
            new LatencyDistribution(g.Select(s => s.Elapsed)).Summary(),
            ErrorCounts(g)))
        .ToList();

    private static PhaseReport PhaseOf(PhaseResult phase)
    {
        var elapsed = Math.Max(phase.ElapsedSeconds, 1e-9);
        var background = phase.Phase.Background is null
            ? null
            : new BackgroundLoadReport(
                phase.BackgroundSamples.Count,
                phase.BackgroundSamples.Count(s => s.Outcome is not (Outcomes.Success or 429 or 503)),
                OperationsOf(phase.BackgroundSamples, elapsed),
                phase.BackgroundErrorExamples,
                phase.BackgroundSamples.Count(s => s.Outcome is 429 or 503));
        return new PhaseReport(
            phase.Phase.Name,
            phase.Phase.Description,
            Math.Round(phase.StartOffsetSeconds, 3),
            phase.Samples.Count,
            phase.Samples.Count(s => s.Outcome != Outcomes.Success),
            Math.Round(phase.ElapsedSeconds, 3),
            Math.Round(phase.Samples.Count / elapsed, 1),
            new LatencyDistribution(phase.Samples.Select(s => s.Elapsed)).Summary(),
            CpuPerRequest(phase.ServerCpuSeconds, phase.Samples.Count),
            background);
    }

    private static double? CpuPerRequest(double? cpuSeconds, int requests) =>
        cpuSeconds is { } cpu && requests > 0 ? Math.Round(cpu * 1000 / requests, 4) : null;

    private static SortedDictionary<string, long> ErrorCounts(IEnumerable<Sample> samples) => new(
        samples.Where(s => s.Outcome != Outcomes.Success)
            .GroupBy(s => Outcomes.Name(s.Outcome))
            .ToDictionary(g => g.Key, g => (long)g.Count()),
        StringComparer.Ordinal);
}
