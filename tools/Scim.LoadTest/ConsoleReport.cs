using System.Globalization;
using Spectre.Console;

namespace Scim.LoadTest;

/// <summary>The result tables on the console.</summary>
internal static class ConsoleReport
{
    public static void Write(IAnsiConsole console, LoadTestReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Inv($"{report.Scenario}: {report.Requests:N0} requests in {report.ElapsedSeconds:0.00} s, concurrency {report.Concurrency}"));
        table.AddColumn("operation");
        foreach (var column in new[] { "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var o in report.Operations)
        {
            table.AddRow(Markup.Escape(o.Name), Inv($"{o.Requests:N0}"), Inv($"{o.Throughput:N1}"), Ms(o.LatencyMs.P50), Ms(o.LatencyMs.P95), Ms(o.LatencyMs.P99), Ms(o.LatencyMs.Max), Inv($"{o.Errors:N0}"));
        }

        table.AddRow("[bold]all[/]", Inv($"[bold]{report.Requests:N0}[/]"), Inv($"[bold]{report.Throughput:N1}[/]"), Bold(report.LatencyMs.P50), Bold(report.LatencyMs.P95),
            Bold(report.LatencyMs.P99), Bold(report.LatencyMs.Max), report.Errors == 0 ? "[green]0[/]" : Inv($"[red]{report.Errors:N0}[/]"));
        console.Write(table);

        if (report.Phases is { } phases)
        {
            WritePhases(console, phases, report.Comparison);
        }

        if (report.ErrorsByStatus.Count > 0)
        {
            var errors = new Table().Border(TableBorder.Rounded).Title("errors by status");
            errors.AddColumn("status");
            errors.AddColumn(new TableColumn("count").RightAligned());
            errors.AddColumn("first message");
            foreach (var (status, count) in report.ErrorsByStatus)
            {
                errors.AddRow(Markup.Escape(status), Inv($"{count:N0}"), Markup.Escape(report.ErrorExamples.GetValueOrDefault(status) ?? ""));
            }

            console.Write(errors);
        }

        if (report.ServerCpuMsPerRequest is { } cpu)
        {
            console.MarkupLine(Inv($"Server CPU: [bold]{cpu:0.000}[/] ms per request (user + system)."));
        }

        if (report is { Floor: { } floor, FloorRatio: { } ratio })
        {
            var parts = new List<string>();
            if (ratio.DurableCommits is { } commits)
            {
                parts.Add(Inv($"[bold]{commits:0.0000}[/] of the durable commits/s ({floor.DurableCommitsPerSecond:N1})"));
            }

            if (ratio.KestrelRequests is { } requests)
            {
                parts.Add(Inv($"[bold]{requests:0.0000}[/] of the bare Kestrel req/s ({floor.KestrelRequestsPerSecond:N1})"));
            }

            console.MarkupLine($"Floor ratio: {string.Join(", ", parts)}, floor {Markup.Escape(floor.Path)}.");
            if (floor.Concurrency != report.Concurrency)
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]The floor was measured at concurrency {floor.Concurrency}, this run used {report.Concurrency}.[/]");
            }
        }

        if (report.WarmupRequests > 0)
        {
            console.MarkupLineInterpolated($"[grey]Warm-up: {report.WarmupRequests} requests before the measured phase, not counted.[/]");
        }
    }

    private static void WritePhases(IAnsiConsole console, IReadOnlyList<PhaseReport> phases, PhaseComparison? comparison)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("phases (measured requests only)");
        table.AddColumn("phase");
        foreach (var column in new[] { "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "server CPU ms/req" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var p in phases)
        {
            table.AddRow(Markup.Escape(p.Name), Inv($"{p.Requests:N0}"), Inv($"{p.Throughput:N1}"), Ms(p.LatencyMs.P50), Ms(p.LatencyMs.P95), Ms(p.LatencyMs.P99), Ms(p.LatencyMs.Max),
                Inv($"{p.Errors:N0}"), p.ServerCpuMsPerRequest is { } cpu ? Inv($"{cpu:0.000}") : "");
        }

        console.Write(table);
        foreach (var p in phases)
        {
            console.MarkupLineInterpolated($"[grey]{p.Name}: {p.Description}.[/]");
            foreach (var o in p.Background?.Operations ?? [])
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"[grey]  background {o.Name}: {o.Requests:N0} requests, p50 {Ms(o.LatencyMs.P50)} ms, max {Ms(o.LatencyMs.Max)} ms, {o.Errors:N0} errors.[/]");
            }

            if (p.Background is { Refused: > 0 } refused)
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]  background: {refused.Refused:N0} refused by a limit (429 or 503), not counted as errors.[/]");
            }

            foreach (var (status, message) in p.Background?.ErrorExamples ?? new Dictionary<string, string>())
            {
                console.MarkupLineInterpolated($"[red]  background error {status}: {message}[/]");
            }
        }

        if (comparison is { P99Ratio: { } p99 })
        {
            var p50 = comparison.P50Ratio is { } r ? Inv($" (p50: {r:0.00})") : "";
            var baseline = phases.First(p => p.Name == comparison.Baseline).LatencyMs.P99;
            var compared = phases.Last(p => p.Name == comparison.Compared).LatencyMs.P99;
            console.MarkupLine(Inv($"{Markup.Escape(comparison.Baseline)} p99 {Ms(baseline)} ms, {Markup.Escape(comparison.Compared)} p99 {Ms(compared)} ms: ")
                + Inv($"{Markup.Escape(comparison.Compared)} p99 / {Markup.Escape(comparison.Baseline)} p99 = [bold]{p99:0.00}[/]{p50}."));
        }
    }

    private static string Ms(double ms) => ms.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Bold(double ms) => $"[bold]{Ms(ms)}[/]";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
