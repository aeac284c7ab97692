using Scim.Cluster.Tests.Infrastructure;
using Scim.Testing;
using Scim.Testing.Processes;

namespace Scim.Cluster.Tests.Migrations;

/// <summary>
/// <c>Scim:Database:MigrateOnStart=false</c>, for deployments that migrate as a step of their own: the server and the
/// admin commands never migrate then, and refuse an out-of-date schema with what to do about it. By default the admin
/// commands keep creating and migrating the database as the server does.
/// </summary>
public sealed class MigrateOnStartTests
{
    private static readonly Dictionary<string, string> MigrateOnStartOff = new() { ["Scim__Database__MigrateOnStart"] = "false" };

    [Fact]
    public async Task MigrateOnStartOff_EmptyDatabase_ServerAndAdminCommandsRefuseNamingThePendingMigrationsAndDbMigrate_ServeOnceMigrated()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        try
        {
            await using (var refused = ScimServer.Launch(connectionString, MigrateOnStartOff))
            {
                Assert.Equal(1, await refused.WaitForExitAsync(TimeSpan.FromSeconds(90)));
                var orgs = await AdminCli.PostgresAsync(connectionString, migrateOnStart: false, "orgs", "create", "Contoso");
                Assert.True(orgs.ExitCode == 1, orgs.ToString());
                Assert.Empty(await Sql.ColumnAsync<string>(connectionString, "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'"));

                var migrate = await AdminCli.PostgresAsync(connectionString, migrateOnStart: false, "db", "migrate");
                Assert.True(migrate.ExitCode == 0, migrate.ToString());
                var pending = await Sql.MigrationHistoryAsync(connectionString);
                Assert.NotEmpty(pending);
                foreach (var message in new[] { refused.Output, orgs.Error })
                {
                    Assert.Contains("Scim:Database:MigrateOnStart is false", message, StringComparison.Ordinal);
                    Assert.Contains("db migrate", message, StringComparison.Ordinal);
                    Assert.All(pending, id => Assert.Contains(id, message, StringComparison.Ordinal));
                }
            }

            await using var server = await ScimServer.StartAsync(connectionString, MigrateOnStartOff);
            var created = await AdminCli.PostgresAsync(connectionString, migrateOnStart: false, "orgs", "create", "Contoso");
            Assert.True(created.ExitCode == 0, created.ToString());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task AdminCommands_ByDefault_MissingDatabase_CreateAndMigrateItFirst()
    {
        var connectionString = Sql.MissingDatabase();
        try
        {
            var created = await AdminCli.PostgresAsync(connectionString, migrateOnStart: true, "orgs", "create", "Contoso");
            Assert.True(created.ExitCode == 0, created.ToString());

            var listed = await AdminCli.PostgresAsync(connectionString, migrateOnStart: true, "orgs", "list");
            Assert.Contains("Contoso", listed.Output, StringComparison.Ordinal);
            Assert.Equal(0, (await AdminCli.PostgresAsync(connectionString, migrateOnStart: true, "db", "status")).ExitCode);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }
}
