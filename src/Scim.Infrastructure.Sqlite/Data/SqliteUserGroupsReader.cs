using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Infrastructure.Data;

namespace Scim.Infrastructure.Sqlite.Data;

/// <summary>
/// Users' group memberships on SQLite: the ids go as one JSON array (<c>json_each</c>), so the statement's text is the
/// same for every page; ids are compared as EF Core's SQLite mapping stores them, upper-case text.
/// </summary>
internal sealed class SqliteUserGroupsReader : UserGroupsReader
{
    private static readonly string Sql = $"""
        SELECT m."MemberId", g."Id", g."DisplayName"
        FROM "group_members" AS m
        JOIN "groups" AS g ON g."Id" = m."GroupId" AND g."OrganizationId" = $org
        WHERE m."MemberId" IN (SELECT value FROM json_each($ids)) AND m."OrganizationId" = $org AND m."Type" = {(int)MemberType.User}
        """;

    protected override void Prepare(DbCommand command, Guid organizationId, IReadOnlyCollection<Guid> userIds)
    {
        var sqlite = (SqliteCommand)command;
        sqlite.CommandText = Sql;
        sqlite.Parameters.AddWithValue("$org", Stored(organizationId));
        sqlite.Parameters.AddWithValue("$ids", JsonArray(userIds));
    }

    protected override UserGroupMembership Read(DbDataReader reader) => new(
        Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture), Guid.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetString(2));

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
