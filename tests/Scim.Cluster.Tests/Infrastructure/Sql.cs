using Npgsql;
using Scim.Testing;

namespace Scim.Cluster.Tests.Infrastructure;

/// <summary>Reads straight from a PostgreSQL database, for what no command or endpoint shows (migration history, catalogs).</summary>
internal static class Sql
{
    /// <summary>The first column of every row of <paramref name="query"/>.</summary>
    public static async Task<List<T>> ColumnAsync<T>(string connectionString, string query)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>The migration ids <c>__EFMigrationsHistory</c> records, one row each, in the order applied.</summary>
    public static Task<List<string>> MigrationHistoryAsync(string connectionString) =>
        ColumnAsync<string>(connectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """);

    /// <summary>A connection string to a database of the test server that does not exist yet, named <c>scim_test_…</c>.</summary>
    public static string MissingDatabase() =>
        new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = $"scim_test_{Guid.NewGuid():N}" }.ConnectionString;

    /// <summary>True when the server has a database with the name in <paramref name="connectionString"/>.</summary>
    public static async Task<bool> DatabaseExistsAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;
        await using var connection = new NpgsqlConnection(maintenance);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name!);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
