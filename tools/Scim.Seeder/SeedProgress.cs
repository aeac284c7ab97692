using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Scim.Seeder;

/// <summary>The progress display: one bar per phase with its rate and the time left.</summary>
internal static class SeedProgress
{
    public static Task RunAsync(IAnsiConsole console, Func<ProgressContext, Task> body) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new CountColumn(),
                new RateColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(body);

    /// <summary>Done / total.</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:N0}/{task.MaxValue:N0}"), new Style(Color.Grey));
    }

    /// <summary>Rows (or requests) per second.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"{speed:N0}/s") : "-", new Style(Color.Aqua));
    }
}
