using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Infrastructure.Data;

namespace Scim.Infrastructure.Postgres.Data;

/// <summary><see cref="IUserGroupsReader"/> on PostgreSQL: the ids go as one <c>uuid[]</c> parameter (<c>= ANY</c>).</summary>
internal sealed class PostgresUserGroupsReader : IUserGroupsReader
{
    private static readonly string Sql = $"""
        SELECT m."MemberId", g."Id", g."DisplayName"
        FROM group_members AS m
        JOIN groups AS g ON g."Id" = m."GroupId" AND g."OrganizationId" = @org
        WHERE m."MemberId" = ANY(@ids) AND m."OrganizationId" = @org AND m."Type" = {(int)MemberType.User}
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
            await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Sql;
            command.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            command.Parameters.Add(new NpgsqlParameter<Guid>("org", NpgsqlDbType.Uuid) { TypedValue = organizationId });
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. userIds] });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                memberships.Add(new UserGroupMembership(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return memberships;
    }
}
