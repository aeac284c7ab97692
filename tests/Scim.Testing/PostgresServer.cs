using System.Diagnostics;
using Npgsql;

namespace Scim.Testing;

/// <summary>
/// The PostgreSQL server the tests of the PostgreSQL provider use: the one <c>SCIM_TEST_PG</c> names (an Npgsql
/// connection string whose user may create databases; CI starts one), or else a throwaway cluster this test process
/// starts with <c>tools/postgres/throwaway-cluster.sh</c> on first use and stops when it exits. Each caller gets a
/// database of its own, so tests run in parallel without sharing data.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The server's connection string (to its maintenance database <c>postgres</c>).</summary>
    public static string ConnectionString => Server.Value;

    /// <summary>Creates an empty database named <c>scim_test_…</c>; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"scim_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing the connections still open to it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable("SCIM_TEST_PG") is { Length: > 0 } configured)
        {
            return configured;
        }

        var script = Path.Combine(RepositoryRoot(), "tools", "postgres", "throwaway-cluster.sh");
        var output = Run(script, "start");
        string? root = null, connectionString = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // export NAME='value'
            var (name, value) = (line["export ".Length..line.IndexOf('=', StringComparison.Ordinal)], line[(line.IndexOf('=', StringComparison.Ordinal) + 2)..^1]);
            (root, connectionString) = name == "SCIM_PG_ROOT" ? (value, connectionString) : (root, value);
        }

        if (root is null || connectionString is null)
        {
            throw new InvalidOperationException($"{script} start printed no cluster:\n{output}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", root);
        return connectionString;
    }

    private static string Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{error}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Scim.VerticalSlice.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Scim.VerticalSlice.sln) is not above the test assembly.");
    }
}
