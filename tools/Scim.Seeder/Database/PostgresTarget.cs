using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Scim.Domain.Groups;
using Scim.Domain.Users;
using Scim.Infrastructure.Data;
using Scim.Infrastructure.Postgres;

namespace Scim.Seeder.Database;

/// <summary>
/// The server's PostgreSQL database, loaded with binary <c>COPY</c> in one transaction that also adds back the foreign
/// keys it dropped: a failed or cancelled load leaves nothing behind, and committed rows are always under their
/// constraints. The directory's tables are locked against writes for the whole load, so nothing appears
/// between reading what is there and copying what is not: <c>COPY</c>, which cannot skip a conflicting row, never meets
/// one. The other indexes (the trigram ones take most of the time) are rebuilt after the commit, several at once.
/// </summary>
internal sealed class PostgresTarget : ISeedTarget
{
    /// <summary>
    /// Users per round of <c>COPY users</c>, <c>COPY user_values</c>, <c>COPY user_addresses</c>: a connection copies
    /// into one table at a time, so a round's value and address rows wait in memory until its users are copied.
    /// </summary>
    private const int UsersPerCopy = 10_000;

    /// <summary>
    /// <c>maintenance_work_mem</c> of the index builds: they sort in memory, and a trigram index collects its entries
    /// there, instead of in batches on disk.
    /// </summary>
    private const string IndexMemory = "1GB";

    private static readonly string[] Tables = ["users", "user_values", "user_addresses", "groups", "group_members"];

    private readonly NpgsqlConnection connection;
    private readonly string connectionString;
    private readonly ServiceProvider services;
    private readonly IModel model;
    private readonly Dictionary<string, long> rows = [];
    private readonly List<string> foreignKeys = [];
    private readonly List<(string Table, string Sql, bool Gin)> indexes = [];
    private NpgsqlTransaction? transaction;
    private bool freeze;

    private PostgresTarget(NpgsqlConnection connection, string connectionString, ServiceProvider services, IModel model, string location)
    {
        this.connection = connection;
        this.connectionString = connectionString;
        this.services = services;
        this.model = model;
        Location = location;
    }

    public string Location { get; }

    /// <summary>Connects to the server's database; never creates one.</summary>
    public static async Task<PostgresTarget> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new SeederException($"bad --connection \"{connectionString}\": {e.Message}", 2);
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new SeederException($"bad --connection \"{connectionString}\": give the server's database, e.g. \"Host=localhost;Database=scim;Username=scim;Password=...\"", 2);
        }

        // Rebuilding the indexes of a large load takes longer than the default 30 s a command.
        builder.CommandTimeout = 0;
        builder.Pooling = false;
        var location = $"\"{builder.Database}\" on {builder.Host}:{builder.Port}";
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync();
            var hint = e is PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } ? " (start the server once, or run `orgs create`, which creates and migrates it)" : "";
            throw new SeederException($"cannot open the database {location}: {e.Message}{hint}");
        }

        // The server's own registration gives the model as PostgreSQL has it (its keys, collation and indexes) with
        // PostgreSQL's migrations; the seeder's contexts use that model on its own connection.
        var services = new ServiceCollection();
        PostgresDatabase.Add(services, builder.ConnectionString);
        var provider = services.BuildServiceProvider();
        await using var probe = await provider.GetRequiredService<IDbContextFactory<ScimDbContext>>().CreateDbContextAsync(cancellationToken);
        return new PostgresTarget(connection, builder.ConnectionString, provider, probe.Model, location);
    }

    public async Task<ScimDbContext> CreateContextAsync(CancellationToken cancellationToken)
    {
        var db = new ScimDbContext(new DbContextOptionsBuilder<ScimDbContext>()
            .UseNpgsql(connection, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name))
            .UseModel(model)
            .Options);
        if (transaction is not null)
        {
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
        }

        return db;
    }

    public async Task BeginAsync(bool large, CancellationToken cancellationToken)
    {
        transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The joins that check foreign keys when they are added back hash in memory.
        await ExecuteAsync("SET LOCAL work_mem = '256MB'", cancellationToken);
        // Readers go on; writers wait until the load commits.
        await ExecuteAsync($"LOCK TABLE {string.Join(", ", Tables)} IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        await FindMissingIndexesAsync(cancellationToken);

        // The first load of a new database: tables emptied in this transaction take frozen rows (COPY FREEZE), which
        // are visible to all as soon as they are committed. Nothing scans the tables again to mark them so: not the
        // index builds and foreign-key checks after the load, not the server's first reads, not VACUUM, which would
        // otherwise write every page once more; index-only scans work from the start.
        await using var empty = new NpgsqlCommand(
            $"SELECT {string.Join(" AND ", Tables.Select(t => $"NOT EXISTS (SELECT FROM {t})"))}", connection, transaction);
        if (await empty.ExecuteScalarAsync(cancellationToken) is true)
        {
            await ExecuteAsync($"TRUNCATE {string.Join(", ", Tables)}", cancellationToken);
            freeze = true;
        }
    }

    public async Task<long> CountRowsAsync(string table, CancellationToken cancellationToken)
    {
        // The planner's estimate, as of the last ANALYZE (-1 for a table never analyzed, which a load has not filled).
        await using var command = new NpgsqlCommand("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(@table)", connection, transaction);
        command.Parameters.AddWithValue("table", table);
        return await command.ExecuteScalarAsync(cancellationToken) is long n ? n : 0;
    }

    public async Task DropIndexesAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        // Foreign keys are checked by one join when added back instead of a lookup for every row copied, and the
        // non-unique indexes (the trigram ones most of all) are faster built once from all rows than maintained row by
        // row. Primary keys and unique indexes stay: the load appends to most of them in key order, and PostgreSQL
        // maintains them while the seeder is still generating the rows.
        var drops = new List<(string Table, string Drop, string Create, bool ForeignKey, bool Gin, long Rows)>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
                   true, false, greatest(t.reltuples, 0)::bigint
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
            WHERE c.contype = 'f' AND c.conrelid = ANY (@tables::regclass[])
            UNION ALL
            SELECT i.indrelid::regclass::text, format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid),
                   false, a.amname = 'gin', greatest(t.reltuples, 0)::bigint
            FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_am a ON a.oid = x.relam JOIN pg_class t ON t.oid = i.indrelid
            WHERE i.indrelid = ANY (@tables::regclass[]) AND NOT i.indisunique AND NOT i.indisprimary
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                drops.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetInt64(5)));
            }
        }

        foreach (var (table, drop, create, foreignKey, gin, count) in drops)
        {
            await ExecuteAsync(drop, cancellationToken);
            rows[table] = count;
            if (foreignKey)
            {
                foreignKeys.Add(create);
            }
            else
            {
                indexes.Add((table, create, gin));
            }
        }
    }

    public async Task<(long Users, long Values, long Addresses)> WriteUsersAsync(IAsyncEnumerable<User[]> users, Action<int> written, CancellationToken cancellationToken)
    {
        long userRows = 0, valueRows = 0, addressRows = 0;
        var batch = new List<User>(UsersPerCopy);
        async Task CopyBatchAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            userRows += await CopyAsync(SeedRows.Users, batch, cancellationToken);
            valueRows += await CopyAsync(SeedRows.Values, batch.SelectMany(u => u.Values), cancellationToken);
            addressRows += await CopyAsync(SeedRows.Addresses, batch.SelectMany(u => u.Addresses), cancellationToken);
            written(batch.Count);
            batch.Clear();
        }

        await foreach (var chunk in users.WithCancellation(cancellationToken))
        {
            batch.AddRange(chunk);
            if (batch.Count >= UsersPerCopy)
            {
                await CopyBatchAsync();
            }
        }

        await CopyBatchAsync();
        return (userRows, valueRows, addressRows);
    }

    public Task<long> WriteGroupsAsync(IReadOnlyList<Group> groups, CancellationToken cancellationToken) =>
        CopyAsync(SeedRows.Groups, groups, cancellationToken);

    public async Task<long> WriteMembershipsAsync(IAsyncEnumerable<GroupMember[]> members, Action<int> written, CancellationToken cancellationToken)
    {
        await using var importer = await BeginCopyAsync(SeedRows.Members, cancellationToken);
        var writer = new CopyRowWriter(importer);
        await foreach (var group in members.WithCancellation(cancellationToken))
        {
            foreach (var member in group)
            {
                importer.StartRow();
                SeedRows.Members.Write(writer, member);
            }

            written(group.Length);
        }

        return Count(SeedRows.Members, await importer.CompleteAsync(cancellationToken));
    }

    /// <summary>
    /// <c>ANALYZE</c> first, inside the transaction (it counts the rows the transaction wrote): the joins that check
    /// the foreign keys are then planned on the real sizes, and a new database's frozen rows are known to be visible to
    /// all, so they read the keys' indexes instead of the tables. Then the commit, then the other indexes.
    /// </summary>
    public IReadOnlyList<FinishStep> Finish(bool wroteAnything) =>
        wroteAnything
            ? [new("ANALYZE", AnalyzeAsync), new("commit", CommitAsync), new("indexes", RestoreIndexesAsync)]
            : [new("commit", CommitAsync), new("indexes", RestoreIndexesAsync)];

    /// <summary>Adds back the foreign keys it dropped (they must hold before anyone sees the rows) and commits.</summary>
    private async Task CommitAsync(Action<int, int> progress, CancellationToken cancellationToken)
    {
        for (var done = 0; done < foreignKeys.Count; done++)
        {
            progress(done, foreignKeys.Count);
            await ExecuteAsync(foreignKeys[done], cancellationToken);
        }

        progress(foreignKeys.Count, foreignKeys.Count);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
            transaction = null;
        }
    }

    private async Task RestoreIndexesAsync(Action<int, int> progress, CancellationToken cancellationToken)
    {
        // The largest first, one session per core: a trigram index is built on one core, so several at once use them
        // all. They only speed queries up, so they can come after the commit; until they are back the server answers
        // more slowly, and writers to a table wait for its builds.
        var queue = new Queue<string>(indexes
            .OrderByDescending(i => rows.GetValueOrDefault(i.Table) * (i.Gin ? 4 : 1))
            .Select(i => i.Sql));
        var total = queue.Count;
        var done = 0;
        progress(0, total);

        async Task BuildAsync()
        {
            await using var session = new NpgsqlConnection(connectionString);
            await session.OpenAsync(cancellationToken);
            await using (var settings = new NpgsqlCommand($"SET maintenance_work_mem = '{IndexMemory}'", session))
            {
                await settings.ExecuteNonQueryAsync(cancellationToken);
            }

            while (true)
            {
                string? sql;
                lock (queue)
                {
                    if (!queue.TryDequeue(out sql))
                    {
                        return;
                    }
                }

                await using (var build = new NpgsqlCommand(sql, session))
                {
                    await build.ExecuteNonQueryAsync(cancellationToken);
                }

                lock (indexes)
                {
                    indexes.RemoveAll(i => i.Sql == sql);
                }

                progress(Interlocked.Increment(ref done), total);
            }
        }

        var sessions = Math.Min(Math.Max(Environment.ProcessorCount, 2), total);
        await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => Task.Run(BuildAsync, cancellationToken)));
    }

    private async Task AnalyzeAsync(Action<int, int> progress, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"ANALYZE {string.Join(", ", Tables)}", cancellationToken);
        progress(1, 1);
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            // Not committed: rolled back, with the indexes and foreign keys it dropped.
            await transaction.DisposeAsync();
        }
        else
        {
            // Failed or cancelled after the commit: the indexes still missing come back before the seeder exits.
            foreach (var (_, sql, _) in indexes)
            {
                await ExecuteAsync(sql, CancellationToken.None);
            }
        }

        await connection.DisposeAsync();
        await services.DisposeAsync();
    }

    /// <summary>
    /// Adds the model's indexes the tables lack to those rebuilt after the commit: a seeder killed while rebuilding
    /// them leaves them missing, and the next run puts them back. Their definitions come from the model, as the
    /// server's migrations created them.
    /// </summary>
    private async Task FindMissingIndexesAsync(CancellationToken cancellationToken)
    {
        var expected = model.GetEntityTypes()
            .Where(e => Tables.Contains(e.GetTableName()))
            .SelectMany(e => e.GetIndexes().Where(i => !i.IsUnique).Select(i => (Table: e.GetTableName()!, Name: i.GetDatabaseName()!)))
            .ToList();
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE tablename = ANY (@tables) AND schemaname = current_schema()", connection, transaction))
        {
            command.Parameters.AddWithValue("tables", Tables);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                present.Add(reader.GetString(0));
            }
        }

        var missing = expected.Where(i => !present.Contains(i.Name)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<ScimDbContext>>().CreateDbContextAsync(cancellationToken);
        var script = db.Database.GenerateCreateScript().Split('\n').Select(line => line.Trim()).ToList();
        foreach (var (table, name) in missing)
        {
            var create = script.LastOrDefault(line => line.StartsWith($"CREATE INDEX \"{name}\" ", StringComparison.Ordinal))
                ?? throw new SeederException($"index \"{name}\" of {table} is missing and the server's model has no definition of it");
            indexes.Add((table, create.TrimEnd(';'), create.Contains("USING gin", StringComparison.Ordinal)));
            rows[table] = await CountRowsAsync(table, cancellationToken);
        }
    }

    private async Task<long> CopyAsync<T>(RowShape<T> shape, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var importer = await BeginCopyAsync(shape, cancellationToken);
        var writer = new CopyRowWriter(importer);
        foreach (var row in rows)
        {
            importer.StartRow();
            shape.Write(writer, row);
        }

        return Count(shape, await importer.CompleteAsync(cancellationToken));
    }

    /// <summary>Adds rows copied into a table to its count, which orders the index builds.</summary>
    private long Count<T>(RowShape<T> shape, ulong copied)
    {
        rows[shape.Table] = rows.GetValueOrDefault(shape.Table) + (long)copied;
        return (long)copied;
    }

    private Task<NpgsqlBinaryImporter> BeginCopyAsync<T>(RowShape<T> shape, CancellationToken cancellationToken) =>
        connection.BeginBinaryImportAsync(
            $"COPY \"{shape.Table}\" ({string.Join(", ", shape.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY{(freeze ? ", FREEZE" : "")})", cancellationToken);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A row's values as PostgreSQL stores the server's: uuid, text, boolean, integer, bigint, timestamptz (UTC), bytea.</summary>
    private sealed class CopyRowWriter(NpgsqlBinaryImporter importer) : IRowWriter
    {
        public void Write(Guid value) => importer.Write(value, NpgsqlDbType.Uuid);

        public void Write(Guid? value)
        {
            if (value is { } id)
            {
                importer.Write(id, NpgsqlDbType.Uuid);
            }
            else
            {
                importer.WriteNull();
            }
        }

        public void Write(string? value)
        {
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(value, NpgsqlDbType.Text);
            }
        }

        public void Write(bool value) => importer.Write(value, NpgsqlDbType.Boolean);

        public void Write(bool? value)
        {
            if (value is { } flag)
            {
                importer.Write(flag, NpgsqlDbType.Boolean);
            }
            else
            {
                importer.WriteNull();
            }
        }

        public void Write(int value) => importer.Write(value, NpgsqlDbType.Integer);

        public void Write(long value) => importer.Write(value, NpgsqlDbType.Bigint);

        public void Write(DateTime value) => importer.Write(value, NpgsqlDbType.TimestampTz);

        public void Write(byte[] value) => importer.Write(value, NpgsqlDbType.Bytea);
    }
}
