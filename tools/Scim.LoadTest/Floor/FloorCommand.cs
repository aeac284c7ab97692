using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Scim.Client;
using Spectre.Console;

namespace Scim.LoadTest.Floor;

/// <summary>What one <c>floor</c> run measures: at which concurrency, for how long, and where the database file goes.</summary>
internal sealed record FloorOptions(int Concurrency, TimeSpan Duration, string DatabaseDirectory, string? OutputPath, string? PostgresConnectionString = null)
{
    /// <summary>Longest measured part: every run stays bounded.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(5);

    /// <summary>Sent before each part and left out: the JIT's first tiers and the first connections are not the floor.</summary>
    public TimeSpan Warmup => TimeSpan.FromTicks(Math.Min(Duration.Ticks / 10, TimeSpan.FromSeconds(2).Ticks));
}

/// <summary>
/// <c>Scim.LoadTest floor [--concurrency N] [--duration 10s] [--database-dir DIR | --postgres CONNECTION] [--output floor.json]</c>:
/// measures this machine's durable commits/s (SQLite, or the PostgreSQL server a server under test uses) and bare Kestrel
/// req/s, the floors that scenario throughputs are quoted against.
/// </summary>
internal static class FloorCommand
{
    public const string Name = "floor";

    public static Command Create(IAnsiConsole console, TextWriter error, Action<int> exitCode)
    {
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Worker tasks, as in the scenario runs the floor is compared with.", DefaultValueFactory = _ => 16 };
        var duration = new Option<string>("--duration", "-d") { Description = "Length of each measured part: 10, 10s, 500ms, 2m (at most 5m).", DefaultValueFactory = _ => "10s" };
        var databaseDir = new Option<string?>("--database-dir") { Description = "Directory of the temporary SQLite file (put it on the server database's disk); default: the temp directory." };
        var postgres = new Option<string?>("--postgres") { Description = "Measure durable commits on this PostgreSQL database (an Npgsql connection string) instead of a SQLite file: the floor of a server on PostgreSQL." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the floor as JSON to this file (for --floor)." };
        var command = new Command(Name, "Measures this machine's floor at the run's concurrency: durable SQLite commits/s and bare Kestrel req/s. Quote scenario results as ratios to it (--floor).")
        {
            concurrency, duration, databaseDir, postgres, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = Validate(parse, out var problem);
            if (options is null)
            {
                await error.WriteLineAsync($"error: {problem}");
                exitCode(LoadTestCli.NotRun);
                return;
            }

            exitCode(await RunAsync(options, console, error, ct));
        });
        return command;

        FloorOptions? Validate(ParseResult parse, out string problem)
        {
            problem = "";
            var workers = parse.GetValue(concurrency);
            if (workers is < 1 or > 1024)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"--concurrency must be between 1 and 1024, got {workers}");
                return null;
            }

            var text = parse.GetValue(duration)!;
            if (!RunBound.TryParseDuration(text, out var length))
            {
                problem = $"--duration: '{text}' is not a duration such as 10, 10s, 500ms or 2m";
                return null;
            }

            if (length > FloorOptions.MaxDuration)
            {
                problem = $"--duration: '{text}' is longer than the maximum of 5m";
                return null;
            }

            var directory = parse.GetValue(databaseDir) ?? Path.GetTempPath();
            if (!Directory.Exists(directory))
            {
                problem = $"--database-dir: '{directory}' is not a directory";
                return null;
            }

            if (parse.GetValue(output) is { } path && LoadTestCli.UnwritablePath(path) is { } reason)
            {
                problem = $"--output: cannot write '{path}': {reason}";
                return null;
            }

            return new FloorOptions(workers, length, Path.GetFullPath(directory), parse.GetValue(output), parse.GetValue(postgres));
        }
    }

    /// <summary>Measures both parts, one after the other so that neither takes cores from the other; returns the exit code.</summary>
    public static async Task<int> RunAsync(FloorOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Measuring the floor: concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0.###} s per part after a warm-up of {options.Warmup.TotalSeconds:0.###} s.");

        RunResult commits;
        string commitTarget;
        try
        {
            if (options.PostgresConnectionString is { } postgres)
            {
                await using var database = new PostgresCommitFloor(postgres, options.Concurrency);
                var workers = await database.PrepareAsync(cancellationToken);
                commitTarget = $"PostgreSQL {database.Target}";
                console.MarkupLineInterpolated($"[grey]Durable commits: {commitTarget}, a table of its own, dropped afterwards.[/]");
                commits = await new LoadRunner(RunOptions(options, new Uri("postgresql://" + database.Target))).RunAsync(workers, cancellationToken);
            }
            else
            {
                using var database = new DurableCommitFloor(options.DatabaseDirectory, options.Concurrency);
                var workers = database.Prepare();
                commitTarget = $"SQLite {database.DatabasePath}";
                console.MarkupLineInterpolated($"[grey]Durable commits: {database.DatabasePath} (journal_mode=WAL, synchronous=FULL), deleted afterwards.[/]");
                commits = await new LoadRunner(RunOptions(options, new Uri(database.DatabasePath))).RunAsync(workers, cancellationToken);
            }
        }
        catch (Exception e) when (e is SqliteException or Npgsql.NpgsqlException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync($"error: the durable commit floor could not be measured: {e.Message}");
            return LoadTestCli.NotRun;
        }

        if (Failure("durable commit", commits) is { } commitFailure)
        {
            await error.WriteLineAsync($"error: {commitFailure}");
            return LoadTestCli.NotRun;
        }

        RunResult requests;
        int responseBytes;
        try
        {
            await using var server = await KestrelFloor.StartAsync(cancellationToken);
            responseBytes = server.ResponseBytes;
            console.MarkupLineInterpolated($"[grey]Bare Kestrel: GET {server.BaseUrl}Users/{{id}}, {responseBytes} bytes of application/scim+json serialized per request.[/]");
            var runOptions = RunOptions(options, server.BaseUrl);
            using var http = LoadTestCli.CreateHttpClient(runOptions, handler: null);
            requests = await new LoadRunner(runOptions).RunAsync(KestrelFloor.Workers(new ScimClient(http), options.Concurrency), cancellationToken);
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"error: the Kestrel floor could not be measured: {e.Message}");
            return LoadTestCli.NotRun;
        }

        if (Failure("Kestrel", requests) is { } requestFailure)
        {
            await error.WriteLineAsync($"error: {requestFailure}");
            return LoadTestCli.NotRun;
        }

        var commitLatency = new LatencyDistribution(commits.Samples.Select(s => s.Elapsed));
        var requestLatency = new LatencyDistribution(requests.Samples.Select(s => s.Elapsed));
        var report = new FloorReport
        {
            StartedAt = startedAt,
            DurableCommitsPerSecond = Math.Round(commits.Samples.Count / Math.Max(commits.ElapsedSeconds, 1e-9), 1),
            CommitLatencyMs = Latency(commitLatency),
            Commits = commits.Samples.Count,
            KestrelRequestsPerSecond = Math.Round(requests.Samples.Count / Math.Max(requests.ElapsedSeconds, 1e-9), 1),
            KestrelLatencyMs = Latency(requestLatency),
            KestrelRequests = requests.Samples.Count,
            KestrelResponseBytes = responseBytes,
            Concurrency = options.Concurrency,
            DurationSeconds = options.Duration.TotalSeconds,
            DatabaseDirectory = options.DatabaseDirectory,
            CommitDatabase = commitTarget,
            Machine = new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription),
            Notes =
            [
                options.PostgresConnectionString is null
                    ? "Durable commits: a one-row UPDATE per transaction (BEGIN IMMEDIATE ... COMMIT) through a prepared statement, one connection per worker, each on its own row; the writers take turns as in the server."
                    : "Durable commits: a one-row UPDATE per transaction through a prepared statement, one connection per worker, each on its own row, all at once (PostgreSQL commits in parallel and flushes waiting commits together).",
                string.Create(CultureInfo.InvariantCulture, $"Bare Kestrel: the server and the driver run in one process and share the machine's {Environment.ProcessorCount} cores, as the server and the load tool do in the scenarios."),
                "Quote scenario throughputs as ratios to a floor measured in the same run (--floor): absolute numbers drift on a shared machine.",
            ],
        };

        Write(console, report);
        if (options.OutputPath is { } outputPath)
        {
            try
            {
                await File.WriteAllTextAsync(outputPath, report.ToJson(), CancellationToken.None);
                console.MarkupLineInterpolated($"JSON floor: {outputPath}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: writing the floor failed: {e.Message}");
                return LoadTestCli.NotRun;
            }
        }

        return LoadTestCli.Success;
    }

    private static LoadTestOptions RunOptions(FloorOptions options, Uri target) => new()
    {
        Scenario = Name,
        BaseUrl = target,
        Token = Name,
        Concurrency = options.Concurrency,
        Bound = new RunBound(options.Duration, null),
        Warmup = new RunBound(options.Warmup, null),
    };

    /// <summary>A floor with failed operations is no floor: returns why, or null.</summary>
    private static string? Failure(string part, RunResult run)
    {
        var failed = run.Samples.Count(s => s.Outcome != Outcomes.Success);
        if (run.Samples.Count == 0)
        {
            return $"the {part} floor could not be measured: nothing completed in the measured phase";
        }

        return failed == 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"the {part} floor could not be measured: {failed} of {run.Samples.Count} operations failed ({string.Join("; ", run.ErrorExamples.Select(e => $"{e.Key}: {e.Value}"))})");
    }

    private static FloorLatency Latency(LatencyDistribution distribution) =>
        new(Math.Round(distribution.PercentileMs(50), 3), Math.Round(distribution.PercentileMs(99), 3));

    private static void Write(IAnsiConsole console, FloorReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Inv($"floor: concurrency {report.Concurrency}, {report.DurationSeconds:0.###} s per part, {report.Machine.ProcessorCount} cores"));
        table.AddColumn("part");
        foreach (var column in new[] { "count", "per s", "p50 ms", "p99 ms" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        table.AddRow(report.CommitDatabase?.StartsWith("PostgreSQL", StringComparison.Ordinal) == true ? "durable commits (PostgreSQL)" : "durable commits (SQLite WAL, synchronous=FULL)", Inv($"{report.Commits:N0}"), Inv($"[bold]{report.DurableCommitsPerSecond:N1}[/]"),
            Inv($"{report.CommitLatencyMs.P50:0.00}"), Inv($"{report.CommitLatencyMs.P99:0.00}"));
        table.AddRow(Markup.Escape(Inv($"bare Kestrel GET /Users/{{id}} ({report.KestrelResponseBytes:N0} B JSON)")), Inv($"{report.KestrelRequests:N0}"), Inv($"[bold]{report.KestrelRequestsPerSecond:N1}[/]"),
            Inv($"{report.KestrelLatencyMs.P50:0.00}"), Inv($"{report.KestrelLatencyMs.P99:0.00}"));
        console.Write(table);
        foreach (var note in report.Notes)
        {
            console.MarkupLineInterpolated($"[grey]{note}[/]");
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
