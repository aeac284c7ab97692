using Npgsql;
using NpgsqlTypes;
using Scim.LoadTest.Scenarios;

namespace Scim.LoadTest.Floor;

/// <summary>
/// Durable commits per second on PostgreSQL: each worker commits a one-row <c>UPDATE</c> of its own row in its own
/// transaction on a connection of its own, all at once (PostgreSQL runs writers in parallel and flushes the commits that
/// wait together), with the server's durability settings as they are (<c>synchronous_commit</c> should be on). The table
/// is made in the given database and dropped afterwards.
/// </summary>
internal sealed class PostgresCommitFloor(string connectionString, int concurrency) : IAsyncDisposable
{
    private readonly string table = $"scim_floor_{Guid.NewGuid():N}";
    private readonly List<NpgsqlConnection> connections = [];

    /// <summary>Where the commits go, for the report (the connection string without its password).</summary>
    public string Target { get; } = Describe(connectionString);

    /// <summary>Creates the table with one row per worker and opens one connection per worker.</summary>
    public async Task<IReadOnlyList<ScenarioWorker>> PrepareAsync(CancellationToken cancellationToken)
    {
        var setup = await OpenAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            $"CREATE TABLE {table} (id integer PRIMARY KEY, value bigint NOT NULL, updated timestamptz NOT NULL); "
            + $"INSERT INTO {table} SELECT i, 0, now() FROM generate_series(0, {concurrency - 1}) AS i;", setup))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var workers = new List<ScenarioWorker>(concurrency);
        for (var i = 0; i < concurrency; i++)
        {
            workers.Add(await Worker.CreateAsync(await OpenAsync(cancellationToken), table, i, cancellationToken));
        }

        return workers;
    }

    public async ValueTask DisposeAsync()
    {
        if (connections.Count > 0)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS {table}", connections[0]);
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // Best effort: a leftover table does not change the measurement.
            }
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        connections.Add(connection);
        return connection;
    }

    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private sealed class Worker : ScenarioWorker
    {
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlCommand update;
        private readonly NpgsqlParameter<long> value;
        private long counter;

        private Worker(NpgsqlConnection connection, NpgsqlCommand update, NpgsqlParameter<long> value, int index)
            : base(index)
        {
            this.connection = connection;
            this.update = update;
            this.value = value;
        }

        public static async Task<Worker> CreateAsync(NpgsqlConnection connection, string table, int index, CancellationToken cancellationToken)
        {
            var update = new NpgsqlCommand($"UPDATE {table} SET value = @value, updated = now() WHERE id = @id", connection);
            update.Parameters.Add(new NpgsqlParameter<int>("id", NpgsqlDbType.Integer) { TypedValue = index });
            var value = new NpgsqlParameter<long>("value", NpgsqlDbType.Bigint) { TypedValue = 0 };
            update.Parameters.Add(value);
            // Prepared once; every commit only rebinds the parameters, as the server's statements are.
            await update.PrepareAsync(cancellationToken);
            return new Worker(connection, update, value, index);
        }

        public override Operation Next => Operation.Commit;

        public override async Task StepAsync(CancellationToken cancellationToken)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            update.Transaction = transaction;
            value.TypedValue = ++counter;
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new CheckFailedException($"the UPDATE of row {Index} changed no row");
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }
}
