using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Infrastructure.Data;

namespace Scim.Infrastructure.Postgres.Data;

/// <summary>
/// Users' group memberships on PostgreSQL: the ids go as one <c>uuid[]</c> parameter (<c>= ANY</c>). Each membership's
/// group is looked up by its own index probe (a lateral subquery with <c>LIMIT 1</c>): with a plain join the planner
/// hashes every group of the organization for a page's few hundred memberships (10,000 groups: 6–9 ms against 1 ms).
/// </summary>
internal sealed class PostgresUserGroupsReader : UserGroupsReader
{
    private static readonly string Sql = $"""
        SELECT m."MemberId", g."Id", g."DisplayName"
        FROM group_members AS m
        CROSS JOIN LATERAL (
            SELECT g."Id", g."DisplayName" FROM groups AS g
            WHERE g."Id" = m."GroupId" AND g."OrganizationId" = @org
            LIMIT 1) AS g
        WHERE m."MemberId" = ANY(@ids) AND m."OrganizationId" = @org AND m."Type" = {(int)MemberType.User}
        """;

    protected override void Prepare(DbCommand command, Guid organizationId, IReadOnlyCollection<Guid> userIds)
    {
        var npgsql = (NpgsqlCommand)command;
        npgsql.CommandText = Sql;
        npgsql.Parameters.Add(new NpgsqlParameter<Guid>("org", NpgsqlDbType.Uuid) { TypedValue = organizationId });
        npgsql.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. userIds] });
    }

    protected override UserGroupMembership Read(DbDataReader reader) => new(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2));
}
