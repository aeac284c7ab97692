using Scim.Api.Cli;

namespace Scim.Testing.Processes;

/// <summary>
/// The admin commands run inside the test process: <see cref="AdminCommands.RunAsync"/>, what
/// <c>dotnet Scim.Api.dll orgs ...</c> runs, with its configuration given as settings rather than environment variables.
/// Cheaper than a process where a test is not about processes.
/// </summary>
public static class AdminCli
{
    /// <summary>Runs <paramref name="args"/> against a PostgreSQL database.</summary>
    /// <param name="connectionString">The database.</param>
    /// <param name="migrateOnStart"><c>Scim:Database:MigrateOnStart</c>.</param>
    /// <param name="args">The command line, e.g. <c>orgs create Contoso</c>.</param>
    public static Task<ProcessResult> PostgresAsync(string connectionString, bool migrateOnStart, params string[] args) =>
        RunAsync(new Dictionary<string, string?>
        {
            ["Scim:Database:Provider"] = "postgres",
            ["Scim:Database:MigrateOnStart"] = migrateOnStart ? "true" : "false",
            ["ConnectionStrings:Scim"] = connectionString,
        }, args);

    /// <summary>Runs <paramref name="args"/> with <paramref name="settings"/> over appsettings.json and the environment.</summary>
    public static async Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCommands.RunAsync(args, output, error, settings);
        return new ProcessResult(exitCode, output.ToString(), error.ToString());
    }
}
