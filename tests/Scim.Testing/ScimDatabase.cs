using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Scim.Testing;

/// <summary>
/// Rows written straight into a server's database, for sizes that would take minutes to create one request at a time;
/// they are what the server itself writes (on SQLite upper-case GUID text and EF Core's UTC timestamp text, on
/// PostgreSQL uuid and timestamptz; a stored document, version 1).
/// </summary>
public static class ScimDatabase
{
    /// <summary>
    /// Inserts <paramref name="count"/> users of <paramref name="organizationId"/> named <c>bulk-{n}@example.com</c>
    /// (no displayName, so they show as their userName); returns their ids.
    /// </summary>
    public static async Task<string[]> InsertUsersAsync(this ScimApiFactory factory, Guid organizationId, int count)
    {
        // Lower-case already, so each name is its own normalized form.
        var users = Enumerable.Range(0, count).Select(i => new BulkUser(Guid.NewGuid(), $"bulk-{i}@example.com")).ToList();
        var now = DateTime.UtcNow;
        await (factory.Database == ScimTestDatabase.Postgres
            ? CopyIntoPostgresAsync(factory.ConnectionString, organizationId, users, now)
            : InsertIntoSqliteAsync(factory.ConnectionString, organizationId, users, now));
        return [.. users.Select(u => u.Id.ToString())];
    }

    private static async Task InsertIntoSqliteAsync(string connectionString, Guid organizationId, List<BulkUser> users, DateTime now)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO users (Id, OrganizationId, UserName, UserNameNormalized, Active, CreatedUtc, LastModifiedUtc, Version, Document)
            VALUES ($id, $organization, $userName, $userName, 1, $now, $now, 1, $document)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$organization", organizationId.ToString().ToUpperInvariant());
        var userName = insert.Parameters.Add("$userName", SqliteType.Text);
        insert.Parameters.AddWithValue("$now", now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        var document = insert.Parameters.Add("$document", SqliteType.Blob);
        foreach (var user in users)
        {
            id.Value = user.Id.ToString().ToUpperInvariant();
            userName.Value = user.UserName;
            document.Value = user.Document;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task CopyIntoPostgresAsync(string connectionString, Guid organizationId, List<BulkUser> users, DateTime now)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY users ("Id", "OrganizationId", "UserName", "UserNameNormalized", "Active", "CreatedUtc", "LastModifiedUtc", "Version", "Document")
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var user in users)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(user.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(organizationId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(user.UserName, NpgsqlDbType.Text);
            await copy.WriteAsync(user.UserName, NpgsqlDbType.Text);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
            await copy.WriteAsync(user.Document, NpgsqlDbType.Bytea);
        }

        await copy.CompleteAsync();
    }

    private sealed record BulkUser(Guid Id, string UserName)
    {
        public byte[] Document => Encoding.UTF8.GetBytes($$"""{"userName":"{{UserName}}","active":true}""");
    }
}
