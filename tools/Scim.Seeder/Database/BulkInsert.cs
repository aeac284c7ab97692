using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Scim.Seeder.Database;

/// <summary>
/// <c>INSERT OR IGNORE</c> of many rows through two prepared statements: one of <see cref="RowsPerStatement"/> rows
/// (fewer round trips into SQLite) and one of a single row for the remainder. Parameters are bound, never formatted
/// into SQL. Runs inside the caller's transaction.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    public const int RowsPerStatement = 64;

    private readonly SqliteCommand many;
    private readonly SqliteCommand one;
    private readonly int columns;
    private readonly object[] pending;
    private int pendingRows;

    public BulkInsert(SqliteConnection connection, string table, params string[] columnNames)
    {
        columns = columnNames.Length;
        pending = new object[columns * RowsPerStatement];
        many = Create(connection, table, columnNames, RowsPerStatement);
        one = Create(connection, table, columnNames, 1);
    }

    /// <summary>Rows written (ignored duplicates not counted).</summary>
    public long Inserted { get; private set; }

    /// <summary>Rows sent but ignored because they were already there.</summary>
    public long Ignored { get; private set; }

    /// <summary>Queues one row (values in column order; null for SQL NULL); full statements run as they fill.</summary>
    public void Add(params ReadOnlySpan<object?> values)
    {
        var offset = pendingRows * columns;
        for (var i = 0; i < columns; i++)
        {
            pending[offset + i] = values[i] ?? DBNull.Value;
        }

        if (++pendingRows == RowsPerStatement)
        {
            Execute(many, RowsPerStatement);
            pendingRows = 0;
        }
    }

    /// <summary>Writes the queued rows.</summary>
    public void Flush()
    {
        for (var row = 0; row < pendingRows; row++)
        {
            for (var i = 0; i < columns; i++)
            {
                one.Parameters[i].Value = pending[(row * columns) + i];
            }

            Count(one.ExecuteNonQuery(), 1);
        }

        pendingRows = 0;
    }

    public void Dispose()
    {
        many.Dispose();
        one.Dispose();
    }

    private void Execute(SqliteCommand command, int rows)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < rows * columns; i++)
        {
            parameters[i].Value = pending[i];
        }

        Count(command.ExecuteNonQuery(), rows);
    }

    private void Count(int inserted, int sent)
    {
        Inserted += inserted;
        Ignored += sent - inserted;
    }

    private static SqliteCommand Create(SqliteConnection connection, string table, string[] columnNames, int rows)
    {
        var sql = new StringBuilder().Append(CultureInfo.InvariantCulture, $"INSERT OR IGNORE INTO \"{table}\" ({string.Join(", ", columnNames.Select(c => $"\"{c}\""))}) VALUES ");
        var command = connection.CreateCommand();
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var i = 0; i < columnNames.Length; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"$p{(row * columnNames.Length) + i}");
                sql.Append(i == 0 ? name : ", " + name);
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }
}
