using System.Diagnostics;

namespace Scim.LoadTest;

/// <summary>What a request did, for the breakdown by operation.</summary>
internal enum Operation : byte
{
    LookupUser,
    CreateUser,
    PatchUser,
    GetUser,
    ListUsersPage,
    ListUsersCursor,
    AddMembers,
    RemoveMembers,
    SearchUsersContains,
    Commit,
}

internal static class Operations
{
    public static string Describe(Operation operation) => operation switch
    {
        Operation.LookupUser => "GET /Users?filter",
        Operation.CreateUser => "POST /Users",
        Operation.PatchUser => "PATCH /Users/{id}",
        Operation.GetUser => "GET /Users/{id}",
        Operation.ListUsersPage => "GET /Users?startIndex",
        Operation.ListUsersCursor => "GET /Users?cursor",
        Operation.AddMembers => "PATCH /Groups/{id}",
        Operation.RemoveMembers => "PATCH /Groups/{id} remove",
        Operation.SearchUsersContains => "GET /Users?filter co",
        Operation.Commit => "UPDATE + COMMIT",
        _ => operation.ToString(),
    };
}

/// <summary>One request: when it started (Stopwatch ticks since the phase began), how long it took, and how it ended.</summary>
/// <param name="Start">Stopwatch ticks from the start of the measured phase to the request's start.</param>
/// <param name="Elapsed">Stopwatch ticks the request took.</param>
/// <param name="Operation">What it did.</param>
/// <param name="Outcome">0 = success; an HTTP status; or one of the negative <see cref="Outcomes"/>.</param>
internal readonly record struct Sample(long Start, long Elapsed, Operation Operation, short Outcome);

/// <summary>The ways a request can fail besides an HTTP status.</summary>
internal static class Outcomes
{
    public const short Success = 0;
    public const short Transport = -1;
    public const short Timeout = -2;
    public const short CheckFailed = -3;
    public const short Exception = -4;

    public static string Name(short outcome) => outcome switch
    {
        Transport => "transport",
        Timeout => "timeout",
        CheckFailed => "check",
        Exception => "exception",
        _ => outcome.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Collects the samples of one worker (no locking: one recorder per worker task); the runner merges them at the end.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly List<Sample> samples = new(4096);

    public IReadOnlyList<Sample> Samples => samples;

    public void Record(long start, long elapsed, Operation operation, short outcome) =>
        samples.Add(new Sample(start, elapsed, operation, outcome));

    public static List<Sample> Merge(IEnumerable<LatencyRecorder> recorders)
    {
        var all = new List<Sample>(recorders.Sum(r => r.samples.Count));
        foreach (var recorder in recorders)
        {
            all.AddRange(recorder.samples);
        }

        return all;
    }

    /// <summary>The samples of a later phase, with their starts counted from the first phase's start instead of their own.</summary>
    public static IEnumerable<Sample> Shift(IEnumerable<Sample> samples, long ticks) =>
        samples.Select(s => s with { Start = s.Start + ticks });
}

/// <summary>Exact latency percentiles (nearest rank) over a set of durations.</summary>
internal sealed class LatencyDistribution
{
    private readonly long[] sorted;

    /// <summary>Sorts a copy of <paramref name="elapsedTicks"/> (Stopwatch ticks).</summary>
    public LatencyDistribution(IEnumerable<long> elapsedTicks)
    {
        sorted = [.. elapsedTicks];
        Array.Sort(sorted);
    }

    public int Count => sorted.Length;

    /// <summary>
    /// The nearest-rank percentile in milliseconds: the smallest recorded latency such that at least
    /// <paramref name="percentile"/> % of the requests took no longer. 0 when nothing was recorded.
    /// </summary>
    public double PercentileMs(double percentile)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return ToMs(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    public double MaxMs => sorted.Length == 0 ? 0 : ToMs(sorted[^1]);

    public double MinMs => sorted.Length == 0 ? 0 : ToMs(sorted[0]);

    public double MeanMs => sorted.Length == 0 ? 0 : ToMs((long)sorted.Average());

    public LatencySummary Summary() => new(
        Round(PercentileMs(50)), Round(PercentileMs(95)), Round(PercentileMs(99)), Round(MaxMs), Round(MinMs), Round(MeanMs));

    public static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Round(double value) => Math.Round(value, 3);
}
