using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Infrastructure.Data;

namespace Scim.Infrastructure.Sqlite.Data;

/// <summary>
/// <see cref="IUserGroupsReader"/> on SQLite: the ids go as one JSON array (<c>json_each</c>), so the statement's text
/// is the same for every page; ids are compared as EF Core's SQLite mapping stores them, upper-case text.
/// </summary>
internal sealed class SqliteUserGroupsReader : IUserGroupsReader
{
    private static readonly string Sql = $"""
        SELECT m."MemberId", g."Id", g."DisplayName"
        FROM "group_members" AS m
        JOIN "groups" AS g ON g."Id" = m."GroupId" AND g."OrganizationId" = $org
        WHERE m."MemberId" IN (SELECT value FROM json_each($ids)) AND m."OrganizationId" = $org AND m."Type" = {(int)MemberType.User}
        """;

    public async Task<List<UserGroupMembership>> ReadAsync(
        ScimDbContext db, Guid organizationId, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var memberships = new List<UserGroupMembership>(userIds.Count * 6);
        if (userIds.Count == 0)
        {
            return memberships;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Sql;
            command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            command.Parameters.AddWithValue("$org", Stored(organizationId));
            command.Parameters.AddWithValue("$ids", JsonArray(userIds));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (reader.Read())
            {
                memberships.Add(new UserGroupMembership(
                    Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture), Guid.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetString(2)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return memberships;
    }

    private static string Stored(Guid id) => id.ToString("D").ToUpperInvariant();

    private static string JsonArray(IReadOnlyCollection<Guid> ids)
    {
        var json = new StringBuilder(2 + (ids.Count * 39));
        json.Append('[');
        foreach (var id in ids)
        {
            json.Append(json.Length > 1 ? ",\"" : "\"").Append(Stored(id)).Append('"');
        }

        return json.Append(']').ToString();
    }
}
