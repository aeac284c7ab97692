using Npgsql;
using Scim.Seeder.Database;
using Scim.Seeder.Generation;
using Scim.Seeder.Tests.Infrastructure;
using Scim.Testing;
using Scim.Testing.Processes;

namespace Scim.Seeder.Tests;

/// <summary>
/// A load large enough for the PostgreSQL path to drop the indexes, keys and foreign keys of the tables it fills and
/// rebuild them, on a database the server's migrations created.
/// </summary>
public sealed class PostgresLoadTests : IAsyncLifetime
{
    private const int Users = 50_000;
    private const int Memberships = 60_000;

    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await PostgresServer.CreateDatabaseAsync();
        (await AdminCli.PostgresAsync(connectionString, migrateOnStart: true, "orgs", "create", "Large Corp")).EnsureSuccess();
    }

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(connectionString);

    [Fact]
    public async Task A_large_load_leaves_the_schema_as_the_migrations_made_it_and_a_re_run_puts_back_a_missing_index()
    {
        var schema = Schema();
        string[] args =
        [
            "--connection", connectionString, "--org", "large corp", "--users", $"{Users}", "--groups", "10", "--memberships", $"{Memberships}", "--seed", "3",
        ];

        var first = await SeederRunner.RunAsync(null, args);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(Users, Scalar("SELECT count(*) FROM users"));
        Assert.Equal(Memberships, Scalar("SELECT count(*) FROM group_members"));
        Assert.Equal(Users, Scalar("SELECT count(*) FROM user_addresses"));
        Assert.Equal(schema, Schema());
        Assert.True(Scalar("SELECT reltuples::bigint FROM pg_class WHERE relname = 'users'") > Users / 2, "ANALYZE ran");
        // The first load of a new database copies frozen rows: every page is visible to all without another pass.
        Assert.Equal(0, Scalar("SELECT sum(relpages - relallvisible) FROM pg_class WHERE relname IN ('users', 'user_values', 'group_members')"));

        // What a run killed while rebuilding the indexes leaves behind: the next run, which writes nothing, builds them.
        Execute("DROP INDEX \"IX_users_UserNameNormalized_trgm\"; DROP INDEX \"IX_user_values_OrganizationId_UserId_Attribute_Ordinal\"");
        var again = await SeederRunner.RunAsync(null, args);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Matches(@"users\s+│\s+0\s+│\s+50,000", again.Output);
        Assert.Matches(@"memberships\s+│\s+0\s+│\s+60,000", again.Output);
        Assert.Equal(Users, Scalar("SELECT count(*) FROM users"));
        Assert.Equal(schema, Schema());
    }

    [Fact]
    public async Task A_load_that_does_not_commit_leaves_neither_rows_nor_dropped_indexes_behind()
    {
        var schema = Schema();
        var organizationId = (Guid)Value("SELECT \"Id\" FROM organizations")!;
        var generator = new DirectoryGenerator(new SeedPlan(5, 100, 1, 10, "contoso.com"), organizationId);

        await using (var target = await PostgresTarget.OpenAsync(connectionString, CancellationToken.None))
        {
            await target.BeginAsync(large: true, CancellationToken.None);
            await target.DropIndexesAsync(["users", "user_values", "user_addresses", "group_members"], CancellationToken.None);
            var users = generator.Users().Select(u => SeedUserEntity.Create(u, organizationId)).Chunk(10).ToAsyncEnumerable();
            var written = await target.WriteUsersAsync(users, _ => { }, CancellationToken.None);
            Assert.Equal(100, written.Users);
        }

        Assert.Equal(0, Scalar("SELECT count(*) FROM users"));
        Assert.Equal(schema, Schema());
    }

    /// <summary>Every index, key and foreign key of the directory's tables, as PostgreSQL defines it, and whether it is valid.</summary>
    private List<string> Schema()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""
            SELECT format('%s %s', pg_get_indexdef(i.indexrelid), i.indisvalid)
            FROM pg_index i WHERE i.indrelid = ANY ('{users,user_values,user_addresses,groups,group_members}'::regclass[])
            UNION ALL
            SELECT format('%s %s %s %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid), c.convalidated)
            FROM pg_constraint c WHERE c.conrelid = ANY ('{users,user_values,user_addresses,groups,group_members}'::regclass[])
            ORDER BY 1
            """, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private long Scalar(string sql) => Convert.ToInt64(Value(sql), System.Globalization.CultureInfo.InvariantCulture);

    private object? Value(string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>What goes wrong with a PostgreSQL connection string: one line on standard error and an exit code.</summary>
public sealed class PostgresErrorTests
{
    [Fact]
    public async Task An_unknown_organization_is_one_line_and_exit_code_1()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        try
        {
            (await AdminCli.PostgresAsync(connectionString, migrateOnStart: true, "orgs", "create", "Known")).EnsureSuccess();

            var run = await SeederRunner.RunAsync(null, "--connection", connectionString, "--org", "Unknown Inc", "--users", "10");

            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith("error: organization \"Unknown Inc\" not found", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task A_missing_database_is_not_created_and_the_error_says_how_to_create_it()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = $"scim_missing_{Guid.NewGuid():N}" }.ConnectionString;

        var run = await SeederRunner.RunAsync(null, "--connection", connectionString, "--users", "10");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: cannot open the database", line, StringComparison.Ordinal);
        Assert.Contains("orgs create", line, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(connectionString).Database!);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_database_without_the_schema_says_how_to_create_it()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        try
        {
            var run = await SeederRunner.RunAsync(null, "--provider", "postgres", "--connection", connectionString, "--users", "10");

            Assert.Equal(1, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            Assert.Contains("does not have the server's current schema", line, StringComparison.Ordinal);
            Assert.Contains("orgs create", line, StringComparison.Ordinal);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task An_unreachable_server_is_one_line_and_exit_code_1()
    {
        var run = await SeederRunner.RunAsync(null, "--connection", "Host=127.0.0.1;Port=9;Database=scim;Username=scim;Password=x;Timeout=2", "--users", "10");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: cannot open the database \"scim\" on 127.0.0.1:9", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--provider", "postgres", "--connection", "Data Source=scim.db")]
    [InlineData("--connection", "Host=127.0.0.1;Username=scim")]
    [InlineData("--provider", "mysql", "--connection", "Host=127.0.0.1;Database=scim")]
    public async Task A_connection_string_that_is_not_the_providers_is_a_usage_error(params string[] args)
    {
        var run = await SeederRunner.RunAsync(null, [.. args, "--users", "10"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
