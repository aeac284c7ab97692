using Microsoft.Data.Sqlite;
using Scim.Testing;

namespace Scim.Api.Tests.Writes;

/// <summary>
/// On SQLite, committed writes are copied from the write-ahead log into the database file shortly after, beside the
/// writer rather than inside its commits: the file alone (a copy of it without its log) soon holds them.
/// </summary>
public sealed class WalCheckpointTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task CommittedWrites_ReachTheDatabaseFileWithoutWaitingForAnotherWrite()
    {
        if (factory.Database != ScimTestDatabase.Sqlite)
        {
            // PostgreSQL checkpoints on its own.
            return;
        }

        var client = await factory.CreateScimClientAsync();
        var userName = $"checkpointed-{Guid.NewGuid():N}@example.com";
        await client.CreateUserAsync($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}"}""");

        var file = new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await FileAloneHoldsAsync(file, userName))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The database file did not get the user {userName} within 30 s: the log is not copied back.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task TheLog_StartsOverUnderASteadyStreamOfWrites()
    {
        if (factory.Database != ScimTestDatabase.Sqlite)
        {
            return;
        }

        // 3,000 creates from 4 clients without a pause: about 25,000 pages of log if it never started over.
        var client = await factory.CreateScimClientAsync();
        var run = Guid.NewGuid().ToString("N");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 750; i++)
            {
                await client.CreateUserAsync($$"""
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"steady-{{run}}-{{worker}}-{{i}}@example.com",
                     "displayName":"Steady {{worker}} {{i}}","externalId":"{{run}}-{{worker}}-{{i}}"}
                    """);
            }
        })));

        // The pages now in the log: those since it last started over (at most a few thousand), not every page written.
        // A checkpoint that meets the server's own checkpointer at work counts nothing (-1): it is asked again.
        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int pages;
        while ((pages = await LogPagesAsync(connection)) < 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The server's checkpointer held the log for 10 s.");
            await Task.Delay(20);
        }

        Assert.InRange(pages, 0, 8_192);
    }

    // The pages in the write-ahead log, by a PASSIVE checkpoint; -1 when another checkpoint is running.
    private static async Task<int> LogPagesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.GetInt32(1);
    }

    // Reads a copy of the database file without its -wal: only what checkpoints copied into the file.
    private static async Task<bool> FileAloneHoldsAsync(string file, string userName)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"scim-checkpoint-{Guid.NewGuid():N}.db");
        File.Copy(file, copy);
        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT count(*) FROM "users" WHERE "UserName" = $userName""";
            command.Parameters.AddWithValue("$userName", userName);
            return (long)(await command.ExecuteScalarAsync())! == 1;
        }
        catch (SqliteException)
        {
            // Copied while a checkpoint was writing pages: look again.
            return false;
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
