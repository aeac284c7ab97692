using System.Diagnostics;

namespace Scim.Testing.Processes;

/// <summary>
/// The server binary as an operator runs it, <c>dotnet Scim.Api.dll [command]</c> from src/Scim.Api's build output, on
/// a PostgreSQL database: configured through the environment, from its own folder (where its appsettings.json is).
/// </summary>
public static class ScimProcess
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How to start it.</summary>
    /// <param name="connectionString">The PostgreSQL database (<c>ConnectionStrings__Scim</c>).</param>
    /// <param name="environment">More settings as environment variables, e.g. <c>Scim__Database__MigrateOnStart=false</c>; they win.</param>
    /// <param name="args">The command line, e.g. <c>db migrate</c>; none runs the server.</param>
    public static ProcessStartInfo StartInfo(string connectionString, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(BuildOutput.DotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(BuildOutput.ScimApi)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuildOutput.ScimApi);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Scim__Database__Provider"] = "postgres";
        start.Environment["ConnectionStrings__Scim"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Warnings and errors only, plus the line that says where Kestrel listens.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // As in ScimApiFactory: tests send from one address back to back, far above a deployment's rate limits.
        start.Environment["Scim__RateLimits__Enabled"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs a command to its end (at most two minutes) and returns what it printed.</summary>
    /// <param name="connectionString">The PostgreSQL database.</param>
    /// <param name="environment">More settings as environment variables.</param>
    /// <param name="args">The command line, e.g. <c>keys revoke KEY-ID</c>.</param>
    public static async Task<ProcessResult> RunAsync(string connectionString, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        await RunToEndAsync(StartInfo(connectionString, environment, args));

    /// <summary>Runs any process to its end (at most two minutes), killing it when it takes longer.</summary>
    public static async Task<ProcessResult> RunToEndAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"'{string.Join(' ', start.ArgumentList)}' ran longer than {CommandTimeout}:\n{await output}\n{await error}");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
