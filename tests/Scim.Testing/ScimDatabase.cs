using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Scim.Testing;

/// <summary>
/// Rows written straight into a server's database, for sizes that would take minutes to create one request at a time;
/// they are what the server itself writes (upper-case GUID text, EF Core's UTC timestamp text, a stored document).
/// </summary>
public static class ScimDatabase
{
    /// <summary>
    /// Inserts <paramref name="count"/> users of <paramref name="organizationId"/> named <c>bulk-{n}@example.com</c>
    /// (no displayName, so they show as their userName); returns their ids.
    /// </summary>
    public static async Task<string[]> InsertUsersAsync(this ScimApiFactory factory, Guid organizationId, int count)
    {
        var ids = new string[count];
        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO users (Id, OrganizationId, UserName, UserNameNormalized, Active, CreatedUtc, LastModifiedUtc, Document)
            VALUES ($id, $organization, $userName, $userName, 1, $now, $now, $document)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$organization", organizationId.ToString().ToUpperInvariant());
        var userName = insert.Parameters.Add("$userName", SqliteType.Text);
        insert.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        var document = insert.Parameters.Add("$document", SqliteType.Blob);
        for (var i = 0; i < count; i++)
        {
            var userId = Guid.NewGuid();
            ids[i] = userId.ToString();
            id.Value = userId.ToString().ToUpperInvariant();
            userName.Value = $"bulk-{i}@example.com";
            document.Value = Encoding.UTF8.GetBytes($$"""{"userName":"bulk-{{i}}@example.com","active":true}""");
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return ids;
    }
}
