using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Scim.Testing;

/// <summary>A statement the server ran and the plan its database chose for it.</summary>
/// <param name="Sql">The statement.</param>
/// <param name="Plan">The plan, one node a line: SQLite's <c>EXPLAIN QUERY PLAN</c> details, PostgreSQL's <c>EXPLAIN</c>.</param>
public sealed partial record QueryPlan(string Sql, string Plan)
{
    /// <summary>True when the database sorts the rows itself instead of reading them in an index's order.</summary>
    public bool Sorts => Plan.Contains("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal) || SortNode().IsMatch(Plan);

    // A Sort node of a PostgreSQL plan ("Sort  (cost=…" or "->  Sort  (cost=…"); an Incremental Sort is not one.
    [GeneratedRegex(@"^\s*(->\s+)?Sort\s+\(", RegexOptions.Multiline)]
    private static partial Regex SortNode();
}

/// <summary>
/// Reads the plan of every statement the server runs that orders its rows (<c>ORDER BY</c>), on the statement's own
/// connection and with its parameters, just before it runs; give it to <see cref="ScimApiFactory.Interceptors"/>. On
/// PostgreSQL, sequential and bitmap scans are off while the plan is read: a test's tables hold too few rows for an
/// ordered index scan to be cheaper than reading the matching rows in any order and sorting them (in a directory of
/// 1,000,000 users it is far cheaper), so what the plan shows is whether an index can serve the statement's order.
/// </summary>
public sealed class QueryPlanRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<QueryPlan> plans = new();

    /// <summary>The plans read since the last <see cref="Clear"/>, in the order the statements ran.</summary>
    public IReadOnlyCollection<QueryPlan> Plans => plans;

    /// <summary>Forgets the plans read so far.</summary>
    public void Clear() => plans.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (!command.CommandText.Contains("ORDER BY", StringComparison.Ordinal))
        {
            return;
        }

        var sqlite = command.Connection is SqliteConnection;
        if (!sqlite)
        {
            Execute(command, "SET enable_seqscan = off; SET enable_bitmapscan = off");
        }

        try
        {
            using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
            explain.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
            foreach (DbParameter parameter in command.Parameters)
            {
                explain.Parameters.Add(parameter is ICloneable cloneable ? cloneable.Clone() : Copy(explain, parameter));
            }

            var lines = new List<string>();
            using (var reader = explain.ExecuteReader())
            {
                while (reader.Read())
                {
                    // SQLite: id, parent, notused, detail; PostgreSQL: one line of text.
                    lines.Add(reader.GetString(sqlite ? 3 : 0));
                }
            }

            plans.Enqueue(new QueryPlan(command.CommandText, string.Join('\n', lines)));
        }
        finally
        {
            if (!sqlite)
            {
                Execute(command, "RESET enable_seqscan; RESET enable_bitmapscan");
            }
        }
    }

    private static DbParameter Copy(DbCommand command, DbParameter parameter)
    {
        var copy = command.CreateParameter();
        copy.ParameterName = parameter.ParameterName;
        copy.Value = parameter.Value;
        return copy;
    }

    private static void Execute(DbCommand command, string sql)
    {
        using var setting = command.Connection!.CreateCommand();
        setting.Transaction = command.Transaction;
        setting.CommandText = sql;
        setting.ExecuteNonQuery();
    }
}
