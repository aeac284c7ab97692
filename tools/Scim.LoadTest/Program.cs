using Spectre.Console;

namespace Scim.LoadTest;

/// <summary>Entry point (a named class, so the tests' reference to the server's <c>Program</c> stays unambiguous).</summary>
internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Written to a file or a pipe: keep table rows on one line instead of 80 columns.
            console.Profile.Width = 140;
        }

        return LoadTestCli.RunAsync(args, console, Console.Error);
    }
}
