using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Scim.Seeder;

/// <summary>What a run wrote and skipped, per kind of row, and how long it took.</summary>
internal sealed class SeedSummary
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string Kind, long Written, long Skipped)> rows = [];
    private readonly List<(string Phase, TimeSpan Elapsed)> phases = [];
    private TimeSpan phaseStart;

    public TimeSpan Elapsed => clock.Elapsed;

    public IReadOnlyList<(string Kind, long Written, long Skipped)> Rows => rows;

    public long Written(string kind) => rows.Where(r => r.Kind == kind).Sum(r => r.Written);

    public long Skipped(string kind) => rows.Where(r => r.Kind == kind).Sum(r => r.Skipped);

    public void Add(string kind, long written, long skipped) => rows.Add((kind, written, skipped));

    public void Stop() => clock.Stop();

    /// <summary>Starts timing a phase (ending the previous one).</summary>
    public void Phase(string name)
    {
        EndPhase();
        phases.Add((name, TimeSpan.Zero));
        phaseStart = clock.Elapsed;
    }

    /// <summary>Ends the current phase, if any.</summary>
    public void EndPhase()
    {
        if (phases.Count > 0 && phases[^1].Elapsed == TimeSpan.Zero)
        {
            phases[^1] = (phases[^1].Phase, clock.Elapsed - phaseStart);
        }
    }

    public void Render(IAnsiConsole console, string title)
    {
        var table = new Table().Title(title).AddColumn("").AddColumn(new TableColumn("written").RightAligned())
            .AddColumn(new TableColumn("already there").RightAligned());
        foreach (var (kind, written, skipped) in rows)
        {
            table.AddRow(kind, Format(written), Format(skipped));
        }

        var total = rows.Sum(r => r.Written + r.Skipped);
        var seconds = Math.Max(Elapsed.TotalSeconds, 0.001);
        table.AddRow("[bold]total[/]", $"[bold]{Format(rows.Sum(r => r.Written))}[/]", $"[bold]{Format(rows.Sum(r => r.Skipped))}[/]");
        console.Write(table);
        if (phases.Count > 0)
        {
            console.WriteLine("Phases: " + string.Join(", ", phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Elapsed.TotalSeconds:0.0} s"))) + ".");
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Elapsed {Elapsed:hh\\:mm\\:ss\\.f}, {total / seconds:N0} rows/s ({rows.Sum(r => r.Written) / seconds:N0} written/s)."));
    }

    private static string Format(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
