using Scim.Testing.Processes;

namespace Scim.Cluster.Tests.Migrations;

/// <summary><c>db status</c> and <c>db migrate</c> on the default provider, SQLite: the same commands, one file.</summary>
public sealed class SqliteDbCommandsTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"scim-db-commands-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    [Fact]
    public async Task DbStatusThenMigrate_NoFileYet_StatusCreatesNothing_MigrateAppliesEveryPendingMigrationOnce()
    {
        var before = await RunAsync("db", "status");
        Assert.True(before.ExitCode == 1, before.ToString());
        Assert.False(File.Exists(path));
        var pending = before.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 14 && char.IsAsciiDigit(l[0])).ToList();
        Assert.NotEmpty(pending);

        var migrate = await RunAsync("db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.All(pending, id => Assert.Contains(id, migrate.Output, StringComparison.Ordinal));

        var again = await RunAsync("db", "migrate");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("schema is current", again.Output, StringComparison.Ordinal);
        var after = await RunAsync("db", "status");
        Assert.True(after.ExitCode == 0, after.ToString());
    }

    private Task<ProcessResult> RunAsync(params string[] args) =>
        AdminCli.RunAsync(new Dictionary<string, string?> { ["ConnectionStrings:Scim"] = $"Data Source={path}" }, args);
}
