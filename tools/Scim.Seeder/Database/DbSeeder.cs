using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Scim.Infrastructure.Data;
using Scim.Infrastructure.Sqlite;
using Scim.Seeder.Generation;
using Spectre.Console;

namespace Scim.Seeder.Database;

/// <summary>
/// <c>--via db</c>: bulk-loads the server's own SQLite schema with prepared <c>INSERT OR IGNORE</c> statements in
/// large transactions, writing rows exactly as the server does (upper-case GUID text, UTC timestamps as EF Core
/// formats them, lower-invariant <c>*Normalized</c> copies, the organization on every row). For a large load the
/// non-unique secondary indexes are dropped first and rebuilt afterwards; <c>ANALYZE</c> runs at the end.
/// </summary>
internal sealed class DbSeeder(SeedPlan plan, string connectionString, string organization, IAnsiConsole console)
{
    /// <summary>Below this many new rows the indexes are kept: maintaining them costs less than a rebuild.</summary>
    private const long RebuildIndexesFrom = 50_000;

    /// <summary>Users (with their value and address rows) per transaction.</summary>
    private const int UsersPerTransaction = 250_000;

    /// <summary>Memberships per transaction.</summary>
    private const int MembershipsPerTransaction = 2_000_000;

    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private static readonly string[] UserTables = ["users", "user_values", "user_addresses"];

    public async Task<SeedSummary> RunAsync(CancellationToken cancellationToken)
    {
        var summary = new SeedSummary();
        await using var connection = await OpenAsync(connectionString, cancellationToken);
        await CheckSchemaAsync(connection, cancellationToken);
        var (organizationId, organizationName) = FindOrganization(connection, organization);
        console.MarkupLineInterpolated($"Seeding organization [bold]{organizationName}[/] ({organizationId}) in {connection.DataSource}: {plan.Users:N0} users, {plan.Groups:N0} groups, {plan.Memberships:N0} memberships, seed {plan.Seed}.");

        var generator = new DirectoryGenerator(plan, organizationId);
        var org = Text(organizationId);
        var journalMode = BeginBulkLoad(connection, plan.Users + generator.MembershipCount >= RebuildIndexesFrom);
        var dropped = new List<(string Name, string Sql)>();
        try
        {
            await SeedProgress.RunAsync(console, async progress =>
            {
                if (plan.Users >= RebuildIndexesFrom && plan.Users > MaxRowId(connection, "users"))
                {
                    dropped.AddRange(DropSecondaryIndexes(connection, UserTables));
                }

                if (generator.MembershipCount >= RebuildIndexesFrom && generator.MembershipCount > MaxRowId(connection, "group_members"))
                {
                    dropped.AddRange(DropSecondaryIndexes(connection, ["group_members"]));
                }

                try
                {
                    summary.Phase("users");
                    var userIds = await LoadUsersAsync(connection, generator, organizationId, progress.AddTask("Users", maxValue: plan.Users), summary, cancellationToken);
                    summary.Phase("groups");
                    var groups = LoadGroups(connection, generator, org, progress.AddTask("Groups", maxValue: plan.Groups), summary);
                    summary.Phase("memberships");
                    await LoadMembershipsAsync(connection, generator, org, userIds, groups, progress.AddTask("Memberships", maxValue: generator.MembershipCount), summary, cancellationToken);
                }
                finally
                {
                    RollbackIfOpen(connection);
                    summary.Phase("indexes");
                    var indexes = progress.AddTask("Indexes", maxValue: Math.Max(dropped.Count, 1));
                    foreach (var (_, sql) in dropped)
                    {
                        Execute(connection, sql);
                        indexes.Increment(1);
                    }

                    indexes.Value = indexes.MaxValue;
                }

                summary.Phase("ANALYZE");
                var analyze = progress.AddTask("ANALYZE", maxValue: 1);
                Execute(connection, "ANALYZE;");
                analyze.Increment(1);
                summary.EndPhase();
            });
        }
        finally
        {
            EndBulkLoad(connection, journalMode);
        }

        summary.Stop();
        return summary;
    }

    private static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new SeederException($"bad --connection \"{connectionString}\": {e.Message}", 2);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new SeederException($"bad --connection \"{connectionString}\": give the server's database file, e.g. \"Data Source=scim.db\"", 2);
        }

        // Never create a new, empty file: the database must be the server's, with its schema.
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        builder.Pooling = false;
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new SeederException($"cannot open the database \"{builder.DataSource}\": {e.Message} (start the server once, or run `orgs create`, which creates and migrates it)");
        }
    }

    private static async Task CheckSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<ScimDbContext>()
            .UseSqlite(connection, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name)).Options;
        await using var db = new ScimDbContext(options);
        List<string> pending;
        try
        {
            pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
        }
        catch (SqliteException e)
        {
            throw new SeederException($"cannot read the database \"{connection.DataSource}\": {e.Message}");
        }

        if (pending.Count > 0)
        {
            throw new SeederException(
                $"the database \"{connection.DataSource}\" does not have the server's current schema (missing migration {pending[0]}): start the server once, or run `orgs create`, which migrates");
        }
    }

    private static (Guid Id, string Name) FindOrganization(SqliteConnection connection, string organization)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"Name\" FROM \"organizations\" WHERE \"Id\" = $id OR \"NameNormalized\" = $name LIMIT 1";
        command.Parameters.AddWithValue("$id", Guid.TryParse(organization, out var id) ? Text(id) : "");
        command.Parameters.AddWithValue("$name", organization.ToLowerInvariant());
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new SeederException($"organization \"{organization}\" not found in {connection.DataSource}: create it with `orgs create \"{organization}\"`, or give an existing name or id");
        }

        return (Guid.Parse(reader.GetString(0)), reader.GetString(1));
    }

    private async Task<string[]> LoadUsersAsync(
        SqliteConnection connection, DirectoryGenerator generator, Guid organizationId, ProgressTask task, SeedSummary summary, CancellationToken cancellationToken)
    {
        var userIds = new string[plan.Users];
        // Every column of the table is bound from the entity, so whatever SeedUserEntity sets is written and nothing else.
        using var insertUser = new RawStatement(connection, """
            INSERT OR IGNORE INTO "users" ("Id", "OrganizationId", "UserName", "UserNameNormalized", "ExternalId", "Active",
                "DisplayName", "DisplayNameNormalized", "NickName", "ProfileUrl", "Title", "UserType", "PreferredLanguage",
                "Locale", "Timezone", "PasswordHash", "NameFormatted", "NameFamilyName", "NameGivenName", "NameMiddleName",
                "NameHonorificPrefix", "NameHonorificSuffix", "EmployeeNumber", "CostCenter", "Organization", "Division",
                "Department", "ManagerId", "CreatedUtc", "LastModifiedUtc", "Document", "Version")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,
                ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)
            """);
        using var findUser = new RawStatement(connection,
            "SELECT \"Id\" FROM \"users\" WHERE \"OrganizationId\" = ?1 AND \"UserNameNormalized\" = ?2");
        using var insertValue = new RawStatement(connection, """
            INSERT INTO "user_values" ("OrganizationId", "UserId", "Attribute", "Ordinal", "Value", "ValueNormalized", "Display", "Type", "Primary")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """);
        using var insertAddress = new RawStatement(connection, """
            INSERT INTO "user_addresses" ("OrganizationId", "UserId", "Ordinal", "Formatted", "StreetAddress", "Locality", "Region",
                "PostalCode", "Country", "Type", "Primary")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """);
        var org = Text(organizationId);
        insertUser.Set(2, org);
        findUser.Set(1, org);
        insertValue.Set(1, org);
        insertAddress.Set(1, org);

        long written = 0, skipped = 0, values = 0, addresses = 0, inTransaction = 0;
        Execute(connection, "BEGIN;");
        // Building the entity and rendering its document happen on the generating thread, beside the writes.
        var users = generator.Users().Select(seed => (seed.Index, seed.ManagerIndex, Entity: SeedUserEntity.Create(seed, organizationId)));
        await foreach (var chunk in Produce(users, 2_000, cancellationToken))
        {
            foreach (var (index, managerIndex, user) in chunk)
            {
                var id = Text(user.Id);
                insertUser.Set(1, id);
                insertUser.Set(3, user.UserName);
                insertUser.Set(4, user.UserNameNormalized);
                insertUser.Set(5, user.ExternalId);
                insertUser.Set(6, user.Active);
                insertUser.Set(7, user.DisplayName);
                insertUser.Set(8, user.DisplayNameNormalized);
                insertUser.Set(9, user.NickName);
                insertUser.Set(10, user.ProfileUrl);
                insertUser.Set(11, user.Title);
                insertUser.Set(12, user.UserType);
                insertUser.Set(13, user.PreferredLanguage);
                insertUser.Set(14, user.Locale);
                insertUser.Set(15, user.Timezone);
                insertUser.Set(16, user.PasswordHash);
                insertUser.Set(17, user.NameFormatted);
                insertUser.Set(18, user.NameFamilyName);
                insertUser.Set(19, user.NameGivenName);
                insertUser.Set(20, user.NameMiddleName);
                insertUser.Set(21, user.NameHonorificPrefix);
                insertUser.Set(22, user.NameHonorificSuffix);
                insertUser.Set(23, user.EmployeeNumber);
                insertUser.Set(24, user.CostCenter);
                insertUser.Set(25, user.Organization);
                insertUser.Set(26, user.Division);
                insertUser.Set(27, user.Department);
                // The manager may be a user that was already there under another id (a re-run): point at that one. The
                // document is the same either way, since it never holds the manager (the server adds it when reading).
                insertUser.Set(28, managerIndex is { } manager ? userIds[manager] : null);
                insertUser.Set(29, user.CreatedUtc.ToString(DateFormat, CultureInfo.InvariantCulture));
                insertUser.Set(30, user.LastModifiedUtc.ToString(DateFormat, CultureInfo.InvariantCulture));
                insertUser.Set(31, user.Document);
                insertUser.Set(32, user.Version);
                if (insertUser.Execute() == 0)
                {
                    // Already there (a re-run, or the same userName created otherwise): keep it as it is, use its id.
                    findUser.Set(2, user.UserNameNormalized);
                    userIds[index] = findUser.QueryText() ?? id;
                    skipped++;
                    continue;
                }

                userIds[index] = id;
                written++;
                foreach (var value in user.Values)
                {
                    insertValue.Set(2, id);
                    insertValue.Set(3, value.Attribute);
                    insertValue.Set(4, value.Ordinal);
                    insertValue.Set(5, value.Value);
                    insertValue.Set(6, value.ValueNormalized);
                    insertValue.Set(7, value.Display);
                    insertValue.Set(8, value.Type);
                    insertValue.Set(9, value.Primary);
                    values += insertValue.Execute();
                }

                foreach (var address in user.Addresses)
                {
                    insertAddress.Set(2, id);
                    insertAddress.Set(3, address.Ordinal);
                    insertAddress.Set(4, address.Formatted);
                    insertAddress.Set(5, address.StreetAddress);
                    insertAddress.Set(6, address.Locality);
                    insertAddress.Set(7, address.Region);
                    insertAddress.Set(8, address.PostalCode);
                    insertAddress.Set(9, address.Country);
                    insertAddress.Set(10, address.Type);
                    insertAddress.Set(11, address.Primary);
                    addresses += insertAddress.Execute();
                }
            }

            task.Increment(chunk.Length);
            inTransaction += chunk.Length;
            if (inTransaction >= UsersPerTransaction)
            {
                Execute(connection, "COMMIT; BEGIN;");
                inTransaction = 0;
            }
        }

        Execute(connection, "COMMIT;");
        summary.Add("users", written, skipped);
        summary.Add("user values (emails, phones)", values, 0);
        summary.Add("user addresses", addresses, 0);
        return userIds;
    }

    private List<(SeedGroup Group, string Id)> LoadGroups(SqliteConnection connection, DirectoryGenerator generator, string org, ProgressTask task, SeedSummary summary)
    {
        // Version 1, as the server creates a group, written out: the column's DEFAULT 1 comes from the migration that
        // added it, not from the model, so a later migration that rebuilds the table would drop it.
        using var insert = new RawStatement(connection, """
            INSERT OR IGNORE INTO "groups" ("Id", "OrganizationId", "DisplayName", "DisplayNameNormalized", "ExternalId", "CreatedUtc", "LastModifiedUtc", "Version")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 1)
            """);
        using var find = new RawStatement(connection,
            "SELECT \"Id\" FROM \"groups\" WHERE \"OrganizationId\" = ?1 AND \"DisplayNameNormalized\" = ?2");
        insert.Set(2, org);
        find.Set(1, org);
        var groups = new List<(SeedGroup, string)>(plan.Groups);
        long written = 0, skipped = 0;
        Execute(connection, "BEGIN;");
        foreach (var group in generator.Groups())
        {
            var id = Text(group.Id);
            var normalized = group.DisplayName.ToLowerInvariant();
            insert.Set(1, id);
            insert.Set(3, group.DisplayName);
            insert.Set(4, normalized);
            insert.Set(5, group.ExternalId);
            insert.Set(6, group.CreatedUtc.ToString(DateFormat, CultureInfo.InvariantCulture));
            if (insert.Execute() == 0)
            {
                find.Set(2, normalized);
                id = find.QueryText() ?? id;
                skipped++;
            }
            else
            {
                written++;
            }

            groups.Add((group, id));
            task.Increment(1);
        }

        Execute(connection, "COMMIT;");
        summary.Add("groups", written, skipped);
        return groups;
    }

    private static async Task LoadMembershipsAsync(
        SqliteConnection connection, DirectoryGenerator generator, string org, string[] userIds, List<(SeedGroup Group, string Id)> groups,
        ProgressTask task, SeedSummary summary, CancellationToken cancellationToken)
    {
        // Groups in id order and each group's members in id order: the primary key (GroupId, MemberId) is appended to.
        var ordered = groups.OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
        var batches = Produce(ordered.Select(g =>
        {
            var indexes = new int[g.Group.Size];
            generator.Members(g.Group, indexes);
            var members = new string[indexes.Length];
            for (var i = 0; i < indexes.Length; i++)
            {
                members[i] = userIds[indexes[i]];
            }

            Array.Sort(members, StringComparer.Ordinal);
            return (g.Id, members);
        }), 1, cancellationToken);

        using var insert = new RawStatement(connection, """
            INSERT OR IGNORE INTO "group_members" ("GroupId", "MemberId", "OrganizationId", "Type") VALUES (?1, ?2, ?3, 0)
            """);
        insert.Set(3, org);
        long written = 0, sent = 0, inTransaction = 0;
        Execute(connection, "BEGIN;");
        await foreach (var batch in batches)
        {
            var (groupId, members) = batch[0];
            insert.Set(1, groupId);
            var done = 0;
            foreach (var member in members)
            {
                insert.Set(2, member);
                written += insert.Execute();
                if (++done == 10_000)
                {
                    task.Increment(done);
                    done = 0;
                }
            }

            task.Increment(done);
            sent += members.Length;
            inTransaction += members.Length;
            if (inTransaction >= MembershipsPerTransaction)
            {
                Execute(connection, "COMMIT; BEGIN;");
                inTransaction = 0;
            }
        }

        Execute(connection, "COMMIT;");
        summary.Add("memberships", written, sent - written);
    }

    /// <summary>Generates on another thread while this one writes: the two cores each do half the work.</summary>
    private static async IAsyncEnumerable<T[]> Produce<T>(IEnumerable<T> source, int chunkSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in source.Chunk(chunkSize))
                {
                    await channel.Writer.WriteAsync(chunk, cancellationToken);
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, cancellationToken);

        await foreach (var chunk in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return chunk;
        }

        await producer;
    }

    /// <summary>Settings for a bulk load; returns the journal mode to restore, or null when it was left as it is.</summary>
    private string? BeginBulkLoad(SqliteConnection connection, bool large)
    {
        Execute(connection, "PRAGMA foreign_keys=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1048576; PRAGMA threads=2;");
        if (!large)
        {
            return null;
        }

        var mode = Scalar(connection, "PRAGMA journal_mode;") as string ?? "delete";
        try
        {
            // Out of WAL for a large load, so the data is written once (not to the log and then again to the file).
            // That needs the database to itself: with the server running, loading goes on in WAL mode.
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=MEMORY;";
            command.CommandTimeout = 1;
            command.ExecuteScalar();
            return mode;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            console.MarkupLine("[yellow]The database is in use (is the server running?); loading in WAL mode, which is slower.[/]");
            return null;
        }
    }

    private static void EndBulkLoad(SqliteConnection connection, string? journalMode)
    {
        RollbackIfOpen(connection);
        if (journalMode is not null)
        {
            Scalar(connection, $"PRAGMA journal_mode={journalMode};");
        }

        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    }

    private static List<(string Name, string Sql)> DropSecondaryIndexes(SqliteConnection connection, string[] tables)
    {
        var indexes = new List<(string, string)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT "name", "sql" FROM sqlite_master
                WHERE "type" = 'index' AND "sql" IS NOT NULL AND "sql" NOT LIKE 'CREATE UNIQUE%'
                  AND "tbl_name" IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Execute(connection, $"DROP INDEX \"{name}\";");
        }

        return indexes;
    }

    private static long MaxRowId(SqliteConnection connection, string table) =>
        Scalar(connection, $"SELECT coalesce(max(rowid), 0) FROM \"{table}\";") is long n ? n : 0;

    private static void RollbackIfOpen(SqliteConnection connection)
    {
        try
        {
            Execute(connection, "ROLLBACK;");
        }
        catch (SqliteException)
        {
            // No transaction was open.
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Prepare();
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>A GUID the way EF Core stores it on SQLite: upper-case TEXT.</summary>
    private static string Text(Guid id) => id.ToString("D").ToUpperInvariant();
}
