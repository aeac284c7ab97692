using System.Globalization;
using Microsoft.Data.Sqlite;
using Scim.LoadTest.Scenarios;

namespace Scim.LoadTest.Floor;

/// <summary>
/// Durable commits per second: each worker commits a one-row <c>UPDATE</c> of its own row in its own transaction, on a
/// fresh SQLite file in write-ahead-log mode with <c>synchronous=FULL</c> (each commit waits for the log to reach the
/// disk), as the server opens its database. The file is deleted afterwards.
/// </summary>
internal sealed class DurableCommitFloor(string directory, int concurrency) : IDisposable
{
    private readonly string path = Path.Combine(directory, $"scim-floor-{Guid.NewGuid():N}.db");

    // One writer at a time, as in the server: its writers wait on an in-process gate and then begin with BEGIN
    // IMMEDIATE. SQLite's own busy handler would also serialize them, but it polls with sleeps (1 ms up to 100 ms), so
    // the floor would measure the back-off instead of the commit; behind the gate the busy timeout never fires.
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<SqliteConnection> connections = [];

    public string DatabasePath => path;

    /// <summary>Creates the file with one row per worker and opens one connection per worker.</summary>
    public IReadOnlyList<ScenarioWorker> Prepare()
    {
        using (var setup = Open())
        {
            using var create = setup.CreateCommand();
            create.CommandText = "CREATE TABLE floor_rows (id INTEGER PRIMARY KEY, value INTEGER NOT NULL, updated TEXT NOT NULL);";
            create.ExecuteNonQuery();
            using var transaction = setup.BeginTransaction();
            using var insert = setup.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO floor_rows (id, value, updated) VALUES ($id, 0, '');";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            for (var i = 0; i < concurrency; i++)
            {
                id.Value = i;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return [.. Enumerable.Range(0, concurrency).Select(i => new Worker(this, Open(), i))];
    }

    private SqliteConnection Open()
    {
        // No pooling: closing the connections must close the file, so that it can be deleted.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        connections.Add(connection);
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = pragmas.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite did not switch {path} to write-ahead logging (journal_mode is {mode})");
        }

        pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public void Dispose()
    {
        foreach (var connection in connections)
        {
            connection.Dispose();
        }

        gate.Dispose();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a leftover file in the database directory does not change the measurement.
            }
        }
    }

    private sealed class Worker : ScenarioWorker
    {
        private readonly DurableCommitFloor floor;
        private readonly SqliteConnection connection;
        private readonly SqliteCommand update;
        private readonly SqliteParameter value;
        private readonly SqliteParameter updated;
        private long counter;

        public Worker(DurableCommitFloor floor, SqliteConnection connection, int index)
            : base(index)
        {
            this.floor = floor;
            this.connection = connection;
            update = connection.CreateCommand();
            update.CommandText = "UPDATE floor_rows SET value = $value, updated = $updated WHERE id = $id;";
            update.Parameters.Add("$id", SqliteType.Integer).Value = index;
            value = update.Parameters.Add("$value", SqliteType.Integer);
            updated = update.Parameters.Add("$updated", SqliteType.Text);
            value.Value = 0L;
            updated.Value = "";
            // Compiled once; every commit only rebinds the parameters, as a server's cached statement does.
            update.Prepare();
        }

        public override Operation Next => Operation.Commit;

        public override async Task StepAsync(CancellationToken cancellationToken)
        {
            await floor.gate.WaitAsync(cancellationToken);
            try
            {
                // BeginTransaction() is BEGIN IMMEDIATE: the write lock is taken up front, as the server's writers do.
                using var transaction = connection.BeginTransaction();
                update.Transaction = transaction;
                value.Value = ++counter;
                updated.Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
                if (update.ExecuteNonQuery() != 1)
                {
                    throw new CheckFailedException($"the UPDATE of row {Index} changed no row");
                }

                transaction.Commit();
            }
            finally
            {
                floor.gate.Release();
            }
        }
    }
}
