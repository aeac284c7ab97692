using Scim.Api.Cli;
using Scim.Testing;

namespace Scim.Api.Tests.Cli;

/// <summary>Runs the administration commands as a second process would, against a test server's database.</summary>
internal static class CommandLine
{
    /// <summary>Runs <paramref name="args"/>; returns the exit code and what went to standard output and error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(this ScimApiFactory factory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCommands.RunAsync(args, output, error, factory.DatabaseSettings);
        return (exitCode, output.ToString(), error.ToString());
    }
}
