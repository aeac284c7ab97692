using System.Text.Json;
using Scim.Testing;
using Spectre.Console;

namespace Scim.LoadTest.Tests.Infrastructure;

/// <summary>What one command line did: its exit code, console output, error output and (when asked) its JSON report.</summary>
public sealed record LoadTestRun(int ExitCode, string Console, string Error, JsonElement Report)
{
    /// <summary>Asserts that nothing was measured: exit code 2 and one error line starting with <c>error: </c><paramref name="reason"/>.</summary>
    public void AssertNotRun(string reason)
    {
        Assert.Equal(2, ExitCode);
        var line = Assert.Single(Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {reason}", line, StringComparison.Ordinal);
    }
}

/// <summary>Runs the load test command line in-process against a <see cref="ScimApiFactory"/> (or any handler).</summary>
public static class LoadTestHarness
{
    public static async Task<LoadTestRun> RunAsync(IEnumerable<string> args, HttpMessageHandler? handler)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var arguments = args.ToList();
        var reportPath = Path.Combine(Path.GetTempPath(), $"scim-loadtest-{Guid.NewGuid():N}.json");
        if (!arguments.Contains("--output"))
        {
            arguments.AddRange(["--output", reportPath]);
        }
        try
        {
            var code = await LoadTestCli.RunAsync([.. arguments], console, error, handler);
            var report = File.Exists(reportPath)
                ? JsonDocument.Parse(await File.ReadAllTextAsync(reportPath)).RootElement.Clone()
                : default;
            return new LoadTestRun(code, output.ToString(), error.ToString(), report);
        }
        finally
        {
            File.Delete(reportPath);
        }
    }

    /// <summary>A run against <paramref name="factory"/>'s in-memory server with a new organization's token.</summary>
    public static async Task<LoadTestRun> RunAsync(ScimApiFactory factory, string token, params string[] args) =>
        await RunAsync(["--base-url", "http://localhost/", "--token", token, .. args], factory.Server.CreateHandler());

    public static async Task<string> NewOrganizationAsync(ScimApiFactory factory) =>
        (await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}")).Token;
}
