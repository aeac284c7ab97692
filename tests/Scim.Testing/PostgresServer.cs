using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Scim.Infrastructure;
using Scim.Infrastructure.Postgres;

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

    // Copying a migrated database costs less than migrating each (extensions, tables, indexes, EF Core's history):
    // this process migrates one database, once, and every server database is a copy of it.
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The server's connection string (to its maintenance database <c>postgres</c>).</summary>
    public static string ConnectionString => Server.Value;

    /// <summary>Creates an empty database named <c>scim_test_…</c>; returns its connection string.</summary>
    public static Task<string> CreateDatabaseAsync() => CreateDatabaseAsync("scim_test", template: null);

    /// <summary>
    /// Creates a database named <c>scim_test_…</c> that already has the server's schema: a copy of
    /// <c>scim_template_…</c>, which this process migrates on first use and drops when it exits. Returns its connection
    /// string.
    /// </summary>
    public static async Task<string> CreateMigratedDatabaseAsync() => await CreateDatabaseAsync("scim_test", await Template.Value);

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

    private static async Task<string> CreateDatabaseAsync(string prefix, string? template)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var copy = template is null ? "" : $" TEMPLATE \"{template}\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    // Migrated by the provider's own MigrateAsync, as a server would at start. Its connections are closed before the
    // database is copied: PostgreSQL copies only a database nobody is connected to.
    private static async Task<string> CreateTemplateAsync()
    {
        var connectionString = await CreateDatabaseAsync("scim_template", template: null);
        await using (var services = PostgresDatabase.Add(new ServiceCollection().AddLogging(), connectionString).BuildServiceProvider())
        {
            await services.MigrateScimDatabaseAsync();

            // The provider registers its data source (the connection pool) as an instance, which the container does not dispose.
            await services.GetRequiredService<NpgsqlDataSource>().DisposeAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplate(connectionString);
        return new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    private static void DropTemplate(string connectionString)
    {
        try
        {
            DropDatabaseAsync(connectionString).GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
            // A throwaway cluster of this process may already be stopped (its own exit handler ran first); it took the
            // template with it.
        }
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable("SCIM_TEST_PG") is { Length: > 0 } configured)
        {
            return configured;
        }

        var cluster = ThrowawayPostgresCluster.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster.ConnectionString;
    }

    internal static string Run(string script, params string[] arguments)
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

    internal static string RepositoryRoot()
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
