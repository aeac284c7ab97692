using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Scim.Domain.Journal;

namespace Scim.Testing;

/// <summary>
/// Rows written straight into a server's database, for sizes that would take minutes to create one request at a time;
/// they are what the server itself writes (on SQLite upper-case GUID text and EF Core's UTC timestamp text, on
/// PostgreSQL uuid and timestamptz; a user's stored document, version 1).
/// </summary>
public static class ScimDatabase
{
    /// <summary>
    /// Inserts <paramref name="count"/> users of <paramref name="organizationId"/> named <c>bulk-{n}@example.com</c>,
    /// with the <c>externalId</c> and <c>displayName</c> the functions give the n-th (none without them; a user without
    /// a displayName shows as its userName), created a millisecond apart and modified since; returns their ids.
    /// </summary>
    public static async Task<string[]> InsertUsersAsync(
        this ScimApiFactory factory, Guid organizationId, int count, Func<int, string?>? externalId = null, Func<int, string?>? displayName = null)
    {
        var now = DateTime.UtcNow;
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            // Lower-case already, so each name is its own normalized form.
            var userName = $"bulk-{i}@example.com";
            var (external, display) = (externalId?.Invoke(i), displayName?.Invoke(i));
            var document = new JsonObject { ["userName"] = userName, ["active"] = true };
            if (external is not null)
            {
                document["externalId"] = external;
            }

            if (display is not null)
            {
                document["displayName"] = display;
            }

            var (created, lastModified) = Times(now, i, count);
            return new object?[]
            {
                Guid.NewGuid(), organizationId, userName, userName, external, display, display?.ToLowerInvariant(), true, created, lastModified, 1L,
                Encoding.UTF8.GetBytes(document.ToJsonString()),
            };
        }).ToList();
        await factory.InsertAsync(
            "users",
            ["Id", "OrganizationId", "UserName", "UserNameNormalized", "ExternalId", "DisplayName", "DisplayNameNormalized", "Active", "CreatedUtc", "LastModifiedUtc", "Version", "Document"],
            rows);
        return [.. rows.Select(row => row[0]!.ToString()!)];
    }

    /// <summary>
    /// Inserts <paramref name="count"/> groups of <paramref name="organizationId"/> without members, named
    /// <c>bulk group {n}</c>, with the <c>externalId</c> the function gives the n-th (none without it), created a millisecond
    /// apart and modified since; returns their ids.
    /// </summary>
    public static async Task<string[]> InsertGroupsAsync(this ScimApiFactory factory, Guid organizationId, int count, Func<int, string?>? externalId = null)
    {
        var now = DateTime.UtcNow;
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            var (created, lastModified) = Times(now, i, count);
            return new object?[] { Guid.NewGuid(), organizationId, $"bulk group {i}", $"bulk group {i}", externalId?.Invoke(i), created, lastModified, 1L };
        }).ToList();
        await factory.InsertAsync("groups", ["Id", "OrganizationId", "DisplayName", "DisplayNameNormalized", "ExternalId", "CreatedUtc", "LastModifiedUtc", "Version"], rows);
        return [.. rows.Select(row => row[0]!.ToString()!)];
    }

    /// <summary>
    /// Inserts journal rows of <paramref name="organizationId"/>, numbered in the order given: each a request of the key
    /// (its prefix and label <c>key-{first 8 of its id}</c>) at the time, a committed change of the operation or, with a
    /// status, a failure of <c>CreateUser</c> with the <c>scimType</c>.
    /// </summary>
    public static Task InsertJournalAsync(
        this ScimApiFactory factory, Guid organizationId, IEnumerable<(DateTime Time, Guid? KeyId, JournalOperation Operation, int? Status, string? ScimType)> rows) =>
        factory.InsertAsync(
            "journal",
            ["OrganizationId", "TimeUtc", "Operation", "Slice", "Dialect", "KeyId", "KeyPrefix", "KeyLabel", "Status", "ScimType", "Detail"],
            [.. rows.Select(row =>
            {
                var label = row.KeyId is { } key ? $"key-{key.ToString()[..8]}" : null;
                return new object?[]
                {
                    organizationId, row.Time, (int)row.Operation, row.Status is null ? null : "CreateUser", (int)RequestDialect.Other, row.KeyId,
                    label, label, row.Status, row.ScimType, row.Status is null ? null : $"failed with {row.ScimType}",
                };
            })]);

    // When the n-th of count resources inserted at once was created and last modified, as in a directory written over
    // time: created a millisecond apart in the order inserted, up to now, and modified since in another order, some at
    // the same instant.
    private static (DateTime Created, DateTime LastModified) Times(DateTime now, int n, int count) =>
        (now.AddMilliseconds(n - count), now.AddMilliseconds(n * 7 % count / 2));

    // Each row holds a value of each column: a Guid, string, bool, int, long, UTC DateTime, byte[], or null.
    private static async Task InsertAsync(this ScimApiFactory factory, string table, string[] columns, List<object?[]> rows)
    {
        if (factory.Database == ScimTestDatabase.Postgres)
        {
            await CopyIntoPostgresAsync(factory.ConnectionString, table, columns, rows);
        }
        else
        {
            await InsertIntoSqliteAsync(factory.ConnectionString, table, columns, rows);
        }
    }

    private static async Task InsertIntoSqliteAsync(string connectionString, string table, string[] columns, List<object?[]> rows)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add($"$p{i}", SqliteType.Text)).ToList();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                (parameters[i].SqliteType, parameters[i].Value) = row[i] switch
                {
                    null => (SqliteType.Text, DBNull.Value),
                    Guid id => (SqliteType.Text, id.ToString().ToUpperInvariant()),
                    DateTime time => (SqliteType.Text, time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
                    bool flag => (SqliteType.Integer, flag ? 1 : 0),
                    int number => (SqliteType.Integer, number),
                    long number => (SqliteType.Integer, number),
                    byte[] bytes => (SqliteType.Blob, bytes),
                    var text => (SqliteType.Text, (object)text),
                };
            }

            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task CopyIntoPostgresAsync(string connectionString, string table, string[] columns, List<object?[]> rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await copy.StartRowAsync();
            foreach (var value in row)
            {
                await (value switch
                {
                    null => copy.WriteNullAsync(),
                    Guid id => copy.WriteAsync(id, NpgsqlDbType.Uuid),
                    DateTime time => copy.WriteAsync(time, NpgsqlDbType.TimestampTz),
                    bool flag => copy.WriteAsync(flag, NpgsqlDbType.Boolean),
                    int number => copy.WriteAsync(number, NpgsqlDbType.Integer),
                    long number => copy.WriteAsync(number, NpgsqlDbType.Bigint),
                    byte[] bytes => copy.WriteAsync(bytes, NpgsqlDbType.Bytea),
                    var text => copy.WriteAsync((string)text, NpgsqlDbType.Text),
                });
            }
        }

        await copy.CompleteAsync();
    }
}
