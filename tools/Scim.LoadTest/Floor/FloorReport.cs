using System.Text.Json;
using Scim.LoadTest.Scenarios;

namespace Scim.LoadTest.Floor;

/// <summary>Latency in milliseconds, the two percentiles the floor reports.</summary>
internal sealed record FloorLatency(double P50, double P99);

/// <summary>The machine the floor was measured on.</summary>
internal sealed record MachineInfo(int ProcessorCount, string OsDescription, string Runtime);

/// <summary>
/// What this machine manages at best in the same run: durable SQLite commits per second and bare Kestrel requests per
/// second at the run's concurrency. Scenario throughputs are quoted as ratios to it (<c>--floor</c>), because the
/// absolute numbers of a shared machine drift from run to run while the ratios hold.
/// </summary>
internal sealed record FloorReport
{
    public required DateTimeOffset StartedAt { get; init; }

    public required double DurableCommitsPerSecond { get; init; }

    public required FloorLatency CommitLatencyMs { get; init; }

    public long Commits { get; init; }

    public required double KestrelRequestsPerSecond { get; init; }

    public required FloorLatency KestrelLatencyMs { get; init; }

    public long KestrelRequests { get; init; }

    /// <summary>Size of the user JSON the bare server answers with.</summary>
    public int KestrelResponseBytes { get; init; }

    public required int Concurrency { get; init; }

    /// <summary>Length of each measured part (the warm-up before it not included).</summary>
    public required double DurationSeconds { get; init; }

    public string? DatabaseDirectory { get; init; }

    /// <summary>Where the durable commits were made: <c>SQLite /path/file.db</c> or <c>PostgreSQL host:port/database</c>.</summary>
    public string? CommitDatabase { get; init; }

    public required MachineInfo Machine { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, LoadTestReport.JsonOptions);

    /// <summary>Reads a floor written by <c>floor --output</c>; returns why it cannot be used, or null.</summary>
    public static string? TryLoad(string path, out FloorReport? floor)
    {
        floor = null;
        try
        {
            floor = JsonSerializer.Deserialize<FloorReport>(File.ReadAllText(path), LoadTestReport.JsonOptions);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read '{path}': {e.Message}";
        }
        catch (JsonException e)
        {
            return $"'{path}' is not a floor report written by the floor command: {e.Message}";
        }

        if (floor is null || floor.DurableCommitsPerSecond <= 0 || floor.KestrelRequestsPerSecond <= 0)
        {
            floor = null;
            return $"'{path}' is not a floor report written by the floor command: durableCommitsPerSecond and kestrelRequestsPerSecond must be positive";
        }

        return null;
    }
}

/// <summary>The floor a scenario report was compared with.</summary>
internal sealed record FloorReference(string Path, double DurableCommitsPerSecond, double KestrelRequestsPerSecond, int Concurrency, DateTimeOffset StartedAt);

/// <summary>
/// A scenario's throughput divided by the floor that bounds it: durable commits/s for the write scenarios, bare
/// Kestrel req/s for the read scenarios, both for <c>mixed</c>. A number to quote, not a verdict.
/// </summary>
internal sealed record FloorRatio(double? DurableCommits, double? KestrelRequests)
{
    public static FloorRatio For(string scenario, double throughput, FloorReport floor)
    {
        var commits = Math.Round(throughput / floor.DurableCommitsPerSecond, 4);
        var requests = Math.Round(throughput / floor.KestrelRequestsPerSecond, 4);
        return scenario switch
        {
            ScenarioCatalog.PatchReplace or ScenarioCatalog.EntraCycle or ScenarioCatalog.GroupAddMembers or ScenarioCatalog.Create or ScenarioCatalog.Fairness
                => new FloorRatio(commits, null),
            ScenarioCatalog.GetById or ScenarioCatalog.FilterEq or ScenarioCatalog.ListPage or ScenarioCatalog.CursorWalk => new FloorRatio(null, requests),
            _ => new FloorRatio(commits, requests),
        };
    }
}
