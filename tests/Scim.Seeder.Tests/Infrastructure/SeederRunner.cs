using Microsoft.AspNetCore.Mvc.Testing;
using Scim.Client;
using Spectre.Console;

namespace Scim.Seeder.Tests.Infrastructure;

/// <summary>What a run of the seeder printed and returned.</summary>
public sealed record SeederRun(int ExitCode, string Output, string Error)
{
    /// <summary>The lines written to standard error.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the seeder's command line in-process, against a test server when given one.</summary>
public static class SeederRunner
{
    public static async Task<SeederRun> RunAsync(WebApplicationFactory<global::Program>? factory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        Func<Uri, string, HttpClient>? http = factory is null
            ? null
            : (baseUrl, token) => factory.CreateDefaultClient(baseUrl, new ScimBearerTokenHandler(token));
        var exitCode = await SeederCommand.RunAsync(args, console, error, http);
        return new SeederRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A generated client for the test server, authenticated with <paramref name="token"/>.</summary>
    public static IScimClient Client(WebApplicationFactory<global::Program> factory, string token) =>
        new ScimClient(factory.CreateDefaultClient(new Uri("http://localhost/"), new ScimBearerTokenHandler(token)));
}
