using System.Globalization;
using Scim.LoadTest.Floor;
using Scim.LoadTest.Scenarios;

namespace Scim.LoadTest;

/// <summary>Everything one run needs; built from the command line (see <see cref="LoadTestCli"/>).</summary>
internal sealed record LoadTestOptions
{
    /// <summary>When neither a duration nor a request count is given, a run lasts this long.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(30);

    public required string Scenario { get; init; }

    public required Uri BaseUrl { get; init; }

    public required string Token { get; init; }

    public int Concurrency { get; init; } = 16;

    /// <summary>The measured phase: stops at whichever of duration and request count comes first.</summary>
    public RunBound Bound { get; init; } = new(DefaultDuration, null);

    /// <summary>Requests sent before the measured phase and left out of the results; null = no warm-up.</summary>
    public RunBound? Warmup { get; init; }

    /// <summary>How many existing users to discover for the scenarios that read or change them.</summary>
    public int SampleSize { get; init; } = 5000;

    /// <summary>How many users to create when the directory has none.</summary>
    public int WorkingSetUsers { get; init; } = 100;

    /// <summary>Groups to create for <c>group-add-members</c> when the directory has none (or with <see cref="NewGroups"/>); 0 = one per worker.</summary>
    public int WorkingSetGroups { get; init; }

    /// <summary>Create fresh groups for <c>group-add-members</c> even when the directory has groups.</summary>
    public bool NewGroups { get; init; }

    /// <summary>Page size of <c>list-page</c> and <c>cursor-walk</c>.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Members per PATCH in <c>group-add-members</c>.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>A key of another organization on the same server, whose large writes <c>fairness</c> sends beside this one's small ones.</summary>
    public string? NoisyToken { get; init; }

    /// <summary>Members the <c>fairness</c> background load adds to a group, then removes, per PATCH.</summary>
    public int NoisyBatchSize { get; init; } = 10_000;

    /// <summary>What the <c>fairness</c> background load sends: <see cref="NoisyLoads.Patches"/> (large group PATCHes) or <see cref="NoisyLoads.Filters"/> (<c>co</c> filters).</summary>
    public string NoisyLoad { get; init; } = NoisyLoads.Patches;

    /// <summary>Background workers of the <c>fairness</c> noisy organization, each sending one request at a time.</summary>
    public int NoisyConcurrency { get; init; } = 1;

    /// <summary>
    /// Requests per second the measured workers send together at most (<c>--rate</c>), each worker starting its requests
    /// <see cref="Concurrency"/> / rate seconds apart; null: each sends its next request as soon as the last is answered.
    /// </summary>
    public double? Rate { get; init; }

    /// <summary>Weights of the <c>mixed</c> scenario.</summary>
    public IReadOnlyDictionary<string, int> Mix { get; init; } = MixWeights.Default;

    /// <summary>Per-request timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Prefix part of the names this run creates (users, groups).</summary>
    public string RunId { get; init; } = Guid.NewGuid().ToString("N")[..8];

    public string? OutputPath { get; init; }

    public string? ChartPath { get; init; }

    /// <summary>The <c>--floor</c> file, whose numbers the report divides the throughput by.</summary>
    public string? FloorPath { get; init; }

    public FloorReport? Floor { get; init; }

    /// <summary>The server's process id (<c>--server-pid</c>), when it runs on this machine: the report then states its CPU per request.</summary>
    public int? ServerPid { get; init; }
}

/// <summary>A phase ends after <see cref="Duration"/> or <see cref="Requests"/>, whichever comes first; at least one is set.</summary>
internal sealed record RunBound(TimeSpan? Duration, long? Requests)
{
    public override string ToString() => (Duration, Requests) switch
    {
        ({ } d, { } r) => string.Create(CultureInfo.InvariantCulture, $"{r} requests or {d.TotalSeconds:0.###} s"),
        ({ } d, null) => string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.###} s"),
        (null, { } r) => string.Create(CultureInfo.InvariantCulture, $"{r} requests"),
        _ => "unbounded",
    };

    /// <summary>Parses a duration: <c>20</c> or <c>20s</c> (seconds), <c>500ms</c>, <c>2m</c>.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        var (number, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') || text.EndsWith('S') ? (text[..^1], 1.0)
            : text.EndsWith('m') || text.EndsWith('M') ? (text[..^1], 60.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 86_400 / scale)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * scale);
        return true;
    }

    /// <summary>Parses a warm-up: a request count (<c>200</c>) or a duration with a unit (<c>5s</c>, <c>500ms</c>, <c>1m</c>).</summary>
    public static bool TryParseWarmup(string text, out RunBound? bound)
    {
        bound = null;
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var requests))
        {
            bound = requests > 0 ? new RunBound(null, requests) : null;
            return true;
        }

        if (TryParseDuration(text, out var duration))
        {
            bound = new RunBound(duration, null);
            return true;
        }

        return false;
    }
}

/// <summary>The <c>mixed</c> scenario's weights: <c>name=weight,...</c>.</summary>
internal static class MixWeights
{
    /// <summary>
    /// Roughly an Entra incremental cycle plus some reads by other services: mostly matching lookups and reads,
    /// updates, a few new users and member batches, and some paging.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> Default = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["filter-eq"] = 40,
        ["get-by-id"] = 20,
        ["patch-replace"] = 20,
        ["entra-cycle"] = 10,
        ["list-page"] = 5,
        ["group-add-members"] = 5,
    };

    public static string Format(IReadOnlyDictionary<string, int> weights) =>
        string.Join(',', weights.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Key}={w.Value}")));

    /// <summary>Parses <c>filter-eq=50,get-by-id=30</c>; returns an error message or null.</summary>
    public static string? TryParse(string text, out IReadOnlyDictionary<string, int> weights)
    {
        var parsed = new Dictionary<string, int>(StringComparer.Ordinal);
        weights = parsed;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
            {
                return $"--mix: '{part}' is not name=weight";
            }

            if (!ScenarioCatalog.Mixable.Contains(pair[0]))
            {
                return $"--mix: unknown scenario '{pair[0]}' (use {string.Join(", ", ScenarioCatalog.Mixable)})";
            }

            parsed[pair[0]] = weight;
        }

        return parsed.Values.Sum() > 0 ? null : "--mix: give at least one positive weight";
    }
}

/// <summary>The kinds of <c>fairness</c> background load (<c>--noisy-load</c>).</summary>
internal static class NoisyLoads
{
    /// <summary>PATCHes adding, then removing, <c>--noisy-batch-size</c> members of one group.</summary>
    public const string Patches = "patches";

    /// <summary><c>GET /Users?filter=userName co "…"</c> over the noisy organization's users: filters no index serves.</summary>
    public const string Filters = "filters";

    public static readonly IReadOnlyList<string> Names = [Patches, Filters];
}
