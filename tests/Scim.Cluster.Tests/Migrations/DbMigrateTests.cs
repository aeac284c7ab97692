using Npgsql;
using Scim.Cluster.Tests.Infrastructure;
using Scim.Testing;
using Scim.Testing.Processes;

namespace Scim.Cluster.Tests.Migrations;

/// <summary>
/// <c>db migrate</c> and <c>db status</c> on PostgreSQL: several deployments migrating a new database at once (as
/// processes of their own: they race to create it, then take turns at the advisory lock), and the status before and after.
/// </summary>
public sealed class DbMigrateTests
{
    [Fact]
    public async Task DbMigrate_ThreeProcessesAtOnceOnANewDatabase_AllExit0_OneCreatesAndMigratesIt_TheOthersFindItCurrent()
    {
        var connectionString = Sql.MissingDatabase();
        try
        {
            // Each process finds the database missing and sends CREATE DATABASE. Held back by a lock on the catalog until
            // all three wait there, they then insert the same name at once: the losers must take the winner's database.
            // Then all three want the migration lock at the same moment: one migrates, the others wait and find nothing to do.
            var runs = await WhileCreateDatabaseIsHeldAsync(connectionString, 3, () =>
                Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ScimProcess.RunAsync(connectionString, null, "db", "migrate"))));

            await AssertMigratedOnceAsync(connectionString, runs);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task DbStatus_MissingDatabase_Exit1ListingEveryMigrationAsPending_CreatesNothing_Exit0AfterDbMigrate()
    {
        var connectionString = Sql.MissingDatabase();
        try
        {
            var before = await AdminCli.PostgresAsync(connectionString, migrateOnStart: true, "db", "status");
            Assert.True(before.ExitCode == 1, before.ToString());
            Assert.False(await Sql.DatabaseExistsAsync(connectionString));

            var migrate = await AdminCli.PostgresAsync(connectionString, migrateOnStart: true, "db", "migrate");
            Assert.True(migrate.ExitCode == 0, migrate.ToString());
            var applied = await Sql.MigrationHistoryAsync(connectionString);
            Assert.NotEmpty(applied);
            Assert.All(applied, id => Assert.Contains(id, before.Output, StringComparison.Ordinal));
            Assert.Contains("db migrate", before.Output, StringComparison.Ordinal);

            var after = await AdminCli.PostgresAsync(connectionString, migrateOnStart: true, "db", "status");
            Assert.True(after.ExitCode == 0, after.ToString());
            Assert.All(applied, id => Assert.Contains(id, after.Output, StringComparison.Ordinal));
            Assert.Contains("the schema is current", after.Output, StringComparison.Ordinal);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    // Every process succeeded; between them they applied each migration once (the one that applied it says so, the
    // others say there was nothing to do); the history holds each once and nothing is pending.
    private static async Task AssertMigratedOnceAsync(string connectionString, ProcessResult[] runs)
    {
        var all = string.Join("\n=====\n", runs.Select(r => r.ToString()));
        Assert.True(runs.All(r => r.ExitCode == 0), all);
        var history = await Sql.MigrationHistoryAsync(connectionString);
        Assert.NotEmpty(history);
        Assert.Equal(history.Distinct().Count(), history.Count);
        Assert.True(runs.Count(r => r.Output.StartsWith("Applied ", StringComparison.Ordinal)) == 1, all);
        Assert.True(runs.Count(r => r.Output.Contains("schema is current", StringComparison.Ordinal)) == runs.Length - 1, all);
        Assert.All(history, id => Assert.Single(runs, r => r.Output.Contains(id, StringComparison.Ordinal)));
        Assert.Equal(0, (await AdminCli.PostgresAsync(connectionString, migrateOnStart: true, "db", "status")).ExitCode);
    }

    // Runs `run` while a transaction holds pg_database in SHARE mode, which lets every process connect and look but makes
    // each CREATE DATABASE wait; releases it once `creators` of them wait for the database of `connectionString` (or
    // after 20 seconds, well within the 30 seconds a command may wait). Without the right to lock the catalog (only its
    // owner may), the processes simply race as they start.
    private static async Task<T> WhileCreateDatabaseIsHeldAsync<T>(string connectionString, int creators, Func<Task<T>> run)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await using var hold = new NpgsqlCommand("LOCK TABLE pg_database IN SHARE MODE", connection, transaction);
            await hold.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return await run();
        }

        var running = run();
        // From a connection of its own: inside the holding transaction, pg_stat_activity would keep showing its first snapshot.
        await using var watcher = new NpgsqlConnection(PostgresServer.ConnectionString);
        await watcher.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'CREATE DATABASE%' AND position(@name in query) > 0",
            watcher);
        waiting.Parameters.AddWithValue("name", name);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((long)(await waiting.ExecuteScalarAsync())! < creators && DateTime.UtcNow < deadline && !running.IsCompleted)
        {
            await Task.Delay(100);
        }

        await transaction.CommitAsync();
        return await running;
    }
}
