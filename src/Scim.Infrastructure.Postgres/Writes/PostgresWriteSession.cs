using Npgsql;
using NpgsqlTypes;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Domain.Users;
using Scim.Infrastructure.Writes;

namespace Scim.Infrastructure.Postgres.Writes;

/// <summary>
/// The PostgreSQL statements of <see cref="IWriteSession"/> for one write (one transaction), race-free while other
/// transactions of this and other server instances write at once:
/// <list type="bullet">
/// <item>a taken userName or displayName: <c>INSERT … ON CONFLICT DO NOTHING</c> (or the unique index refusing an
/// UPDATE) is <see cref="WriteStatus.Conflict"/>; two racing creates of one name wait for each other on the index;</item>
/// <item>changes of what was read: <c>UPDATE … WHERE Version = @read</c>, which a concurrent update blocks and then
/// fails (READ COMMITTED re-checks the condition on the row it waited for): <see cref="WriteStatus.Stale"/>;</item>
/// <item>member rows: <c>INSERT … ON CONFLICT DO NOTHING</c> from the members' rows locked <c>FOR KEY SHARE</c>, and
/// a deletion locks its row <c>FOR UPDATE</c> first, so a member is never added to a group after its resource's
/// deletion removed its memberships; member writes of one group queue on the group's row, which each updates first;</item>
/// <item>nesting groups: a transaction-scoped advisory lock per organization around the cycle check, so two requests
/// nesting two groups into each other cannot both pass.</item>
/// <item>journal rows: held until the write's statements are done, then inserted by <see cref="AppendJournalAsync"/> under
/// the organization's journal lock taken shared, which the commit releases.</item>
/// </list>
/// A deadlock between two of these (PostgreSQL aborts one) makes the writer run the loser again.
/// </summary>
internal sealed class PostgresWriteSession(NpgsqlConnection connection, PostgresStatements statements, IDatabaseFailures failures, Guid organizationId)
    : IWriteSession
{
    private List<JournalEntry>? journal;

    public ValueTask<WriteStatus> InsertUserAsync(User user) => StatusAsync(async () =>
    {
        if (await ExecuteAsync(statements.InsertUser, user) == 0)
        {
            return WriteStatus.Conflict;
        }

        await InsertRowsAsync(user, replacing: false);
        return WriteStatus.Written;
    });

    public ValueTask<WriteStatus> UpdateUserAsync(User user, long expectedVersion, bool rowsChanged) => StatusAsync(async () =>
    {
        if (await ExecuteAsync(statements.UpdateUser, user, expectedVersion) == 0)
        {
            return WriteStatus.Stale;
        }

        if (rowsChanged)
        {
            await InsertRowsAsync(user, replacing: true);
        }

        return WriteStatus.Written;
    });

    public async ValueTask<WriteStatus> DeleteUserAsync(Guid id, DateTime now, IReadOnlyCollection<long>? versions)
    {
        if (await LockForDeleteAsync("users", id, versions) is not WriteStatus.Written and var status)
        {
            return status;
        }

        await LeaveGroupsAsync(id, now);
        // What the deletion changes in the users it managed is a change of theirs: new version and lastModified.
        await RunAsync("""
            UPDATE "users" SET "ManagerId" = NULL, "Version" = "Version" + 1, "LastModifiedUtc" = @now
            WHERE "OrganizationId" = @org AND "ManagerId" = @id
            """, ("id", id), ("now", now));
        // Value rows and addresses follow (ON DELETE CASCADE).
        await RunAsync("""DELETE FROM "users" WHERE "OrganizationId" = @org AND "Id" = @id""", ("id", id));
        return WriteStatus.Written;
    }

    public ValueTask<WriteStatus> InsertGroupAsync(Group group) => StatusAsync(async () =>
        await ExecuteAsync(statements.InsertGroup, group) == 0 ? WriteStatus.Conflict : WriteStatus.Written);

    public ValueTask<WriteStatus> UpdateGroupAsync(Group group, long expectedVersion) => StatusAsync(async () =>
        await ExecuteAsync(statements.UpdateGroup, group, expectedVersion) == 0 ? WriteStatus.Stale : WriteStatus.Written);

    public async ValueTask<long?> TouchGroupAsync(Guid id, DateTime now)
    {
        await using var command = Command(
            """UPDATE "groups" SET "Version" = "Version" + 1, "LastModifiedUtc" = @now WHERE "OrganizationId" = @org AND "Id" = @id RETURNING "Version" """,
            ("id", id), ("now", now));
        return await command.ExecuteScalarAsync() is long version ? version : null;
    }

    public async ValueTask<WriteStatus> DeleteGroupAsync(Guid id, DateTime now, IReadOnlyCollection<long>? versions)
    {
        if (await LockForDeleteAsync("groups", id, versions) is not WriteStatus.Written and var status)
        {
            return status;
        }

        await LeaveGroupsAsync(id, now);
        // The group's own membership rows follow it (ON DELETE CASCADE).
        await RunAsync("""DELETE FROM "groups" WHERE "OrganizationId" = @org AND "Id" = @id""", ("id", id));
        return WriteStatus.Written;
    }

    public async ValueTask DeleteMembersAsync(Guid groupId, IReadOnlyCollection<Guid>? memberIds)
    {
        if (memberIds is null)
        {
            await RunAsync("""DELETE FROM "group_members" WHERE "OrganizationId" = @org AND "GroupId" = @group""", ("group", groupId));
        }
        else if (memberIds.Count > 0)
        {
            await RunAsync("""
                DELETE FROM "group_members" WHERE "OrganizationId" = @org AND "GroupId" = @group AND "MemberId" = ANY(@ids)
                """, ("group", groupId), ("ids", Sorted(memberIds)));
        }
    }

    public async ValueTask<Guid?> FindContainingGroupAsync(IReadOnlyCollection<Guid> groupIds, Guid groupId)
    {
        if (groupIds.Count == 0)
        {
            return null;
        }

        // One nesting change of the organization at a time, until this transaction ends: the walk below then sees the
        // nesting committed by the one before (READ COMMITTED reads afresh for each statement).
        await RunAsync("SELECT pg_advisory_xact_lock(hashtextextended('scim-nesting:' || @org::text, 0))");
        await using var command = Command("""
            WITH RECURSIVE reach("Root", "Id") AS (
                SELECT g, g FROM unnest(@ids) AS g
                UNION
                SELECT r."Root", m."MemberId" FROM reach AS r
                JOIN "group_members" AS m ON m."OrganizationId" = @org AND m."GroupId" = r."Id" AND m."Type" = 1
            )
            SELECT "Root" FROM reach WHERE "Id" = @group LIMIT 1
            """, ("ids", Sorted(groupIds)), ("group", groupId));
        return await command.ExecuteScalarAsync() is Guid root ? root : null;
    }

    public async ValueTask<int> InsertMembersAsync(Guid groupId, IReadOnlyCollection<Guid> memberIds, MemberType type)
    {
        if (memberIds.Count == 0)
        {
            return 0;
        }

        // From the members' own rows, locked against deletion until this transaction ends (a deletion that came first
        // has removed the row, and the id is skipped), in key order so concurrent member writes lock in the same order.
        var table = type == MemberType.User ? "users" : "groups";
        return await RunAsync($"""
            WITH members AS (
                SELECT r."Id" FROM "{table}" AS r WHERE r."OrganizationId" = @org AND r."Id" = ANY(@ids)
                ORDER BY r."Id" FOR KEY SHARE
            )
            INSERT INTO "group_members" ("OrganizationId", "GroupId", "MemberId", "Type")
            SELECT @org, @group, "Id", @type FROM members
            ON CONFLICT DO NOTHING
            """, ("group", groupId), ("ids", Sorted(memberIds)), ("type", (int)type));
    }

    public ValueTask<WriteStatus> InsertOrganizationAsync(Organization organization) => StatusAsync(async () =>
    {
        JournalRows.CheckOrganization(organization.Id, organizationId, "an organization");
        return await ExecuteAsync(statements.InsertOrganization, organization) == 0 ? WriteStatus.Conflict : WriteStatus.Written;
    });

    // A name another organization has makes the unique index refuse the update: a conflict, and the write is rolled back.
    public ValueTask<WriteStatus> RenameOrganizationAsync(Organization organization) => StatusAsync(async () =>
        await RunAsync("""UPDATE "organizations" SET "Name" = @name, "NameNormalized" = @normalized WHERE "Id" = @org AND "DeletionRequestedUtc" IS NULL""",
            ("name", organization.Name), ("normalized", organization.NameNormalized)) == 0 ? WriteStatus.NotFound : WriteStatus.Written);

    // 0, never a valid limit, stands for null: the deployment's limit.
    public ValueTask<WriteStatus> SetOrganizationRateLimitAsync(Organization organization) => StatusAsync(async () =>
        await RunAsync("""UPDATE "organizations" SET "RateLimitPerSecond" = nullif(@rate, 0), "RateLimitBurst" = nullif(@burst, 0) WHERE "Id" = @org AND "DeletionRequestedUtc" IS NULL""",
            ("rate", organization.RateLimitPerSecond ?? 0), ("burst", organization.RateLimitBurst ?? 0)) == 0
            ? WriteStatus.NotFound
            : WriteStatus.Written);

    public async ValueTask InsertApiKeyAsync(ApiKey key)
    {
        JournalRows.CheckOrganization(key.OrganizationId, organizationId, "an API key");
        await ExecuteAsync(statements.InsertApiKey, key);
    }

    public async ValueTask<WriteStatus> RevokeApiKeyAsync(Guid keyId, DateTime now) => await RunAsync("""
        UPDATE "api_keys" SET "RevokedUtc" = @now WHERE "Id" = @id AND "OrganizationId" = @org AND "RevokedUtc" IS NULL
        """, ("id", keyId), ("now", now)) == 0 ? WriteStatus.Stale : WriteStatus.Written;

    public ValueTask JournalAsync(JournalEntry entry)
    {
        (journal ??= []).Add(JournalRows.OfOrganization(entry, organizationId));
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> DeleteJournalAsync(long throughSequence, int limit) => await RunAsync("""
        DELETE FROM "journal" WHERE "OrganizationId" = @org AND "Sequence" IN (
            SELECT "Sequence" FROM "journal" WHERE "OrganizationId" = @org AND "Sequence" <= @through ORDER BY "Sequence" LIMIT @limit)
        """, ("through", throughSequence), ("limit", limit));

    // The organization row first: its update waits for every key insert holding the row FOR SHARE to commit, and the
    // keys' update, a statement of its own, then sees those keys (READ COMMITTED takes a new snapshot per statement).
    public async ValueTask<string[]?> MarkOrganizationDeletedAsync(DateTime now)
    {
        if (await RunAsync("""UPDATE "organizations" SET "DeletionRequestedUtc" = coalesce("DeletionRequestedUtc", @now) WHERE "Id" = @org""", ("now", now)) == 0)
        {
            return null;
        }

        await RunAsync("""UPDATE "api_keys" SET "RevokedUtc" = @now WHERE "OrganizationId" = @org AND "RevokedUtc" IS NULL""", ("now", now));
        var hashes = new List<string>();
        await using var command = Command("""SELECT "SecretHash" FROM "api_keys" WHERE "OrganizationId" = @org""");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            hashes.Add(reader.GetString(0));
        }

        return [.. hashes];
    }

    // The row stays locked FOR SHARE until the commit: a deletion's mark (an update of that row) waits for this write and
    // then revokes what it inserted, and a check that comes after the mark waits for it and then finds the organization
    // being deleted (READ COMMITTED re-checks the locked row).
    public async ValueTask<bool> OrganizationOpenAsync()
    {
        await using var command = Command("""
            SELECT 1 FROM "organizations" WHERE "Id" = @org AND "DeletionRequestedUtc" IS NULL FOR SHARE
            """);
        return await command.ExecuteScalarAsync() is not null;
    }

    public async ValueTask<Guid?> FirstGroupAsync()
    {
        await using var command = Command("""
            SELECT "Id" FROM "groups" WHERE "OrganizationId" = @org ORDER BY "OrganizationId", "DisplayNameNormalized" LIMIT 1
            """);
        return await command.ExecuteScalarAsync() is Guid id ? id : null;
    }

    public async ValueTask<int> DeleteSomeMembersAsync(Guid groupId, int limit) => await RunAsync("""
        DELETE FROM "group_members" WHERE ctid IN (
            SELECT ctid FROM "group_members" WHERE "OrganizationId" = @org AND "GroupId" = @group LIMIT @limit)
        """, ("group", groupId), ("limit", limit));

    // The manager reference has no ON DELETE action, so the users a batch managed are cleared first; value rows and
    // addresses follow the users (ON DELETE CASCADE).
    public async ValueTask<int> DeleteSomeUsersAsync(int limit)
    {
        var ids = new List<Guid>(limit);
        await using (var command = Command("""SELECT "Id" FROM "users" WHERE "OrganizationId" = @org LIMIT @limit""", ("limit", limit)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        var batch = Sorted(ids);
        await RunAsync("""UPDATE "users" SET "ManagerId" = NULL WHERE "OrganizationId" = @org AND "ManagerId" = ANY(@ids)""", ("ids", batch));
        return await RunAsync("""DELETE FROM "users" WHERE "OrganizationId" = @org AND "Id" = ANY(@ids)""", ("ids", batch));
    }

    public async ValueTask DeleteOrganizationAsync()
    {
        await RunAsync("""DELETE FROM "journal" WHERE "OrganizationId" = @org""");
        await RunAsync("""DELETE FROM "organizations" WHERE "Id" = @org""");
    }

    /// <summary>
    /// Inserts the journal rows of the write, as its last statements before the commit, under the organization's journal
    /// lock taken shared (<see cref="PostgresJournalLock"/>; one round trip for both): writers do not wait for each other,
    /// and a reader of the journal, which takes the lock alone, waits for these rows to be committed before it reads.
    /// </summary>
    public async ValueTask AppendJournalAsync()
    {
        if (journal is not { Count: > 0 })
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection);
        var lockCommand = new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock_shared({PostgresJournalLock.Key})");
        lockCommand.Parameters.Add(Parameter("org", organizationId));
        batch.BatchCommands.Add(lockCommand);
        foreach (var entry in journal)
        {
            statements.InsertJournal.AddTo(batch, entry);
        }

        await batch.ExecuteNonQueryAsync();
    }

    // Locks the row to be deleted before anything else: from then on no write can add a membership or a manager
    // reference to it (those lock it FOR KEY SHARE, which waits), so clearing them first leaves none behind. With
    // `versions`, only a row at one of them is locked: a row being updated is waited for and its new version checked
    // (READ COMMITTED re-evaluates the condition), and once locked it keeps that version until the deletion commits.
    private async ValueTask<WriteStatus> LockForDeleteAsync(string table, Guid id, IReadOnlyCollection<long>? versions)
    {
        await using (var command = versions is null
            ? Command($"""SELECT 1 FROM "{table}" WHERE "OrganizationId" = @org AND "Id" = @id FOR UPDATE""", ("id", id))
            : Command($"""SELECT 1 FROM "{table}" WHERE "OrganizationId" = @org AND "Id" = @id AND "Version" = ANY(@versions) FOR UPDATE""",
                ("id", id), ("versions", versions.ToArray())))
        {
            if (await command.ExecuteScalarAsync() is not null)
            {
                return WriteStatus.Written;
            }
        }

        if (versions is null)
        {
            return WriteStatus.NotFound;
        }

        // Only on the failure path: a missing resource or one at another version.
        await using var exists = Command($"""SELECT 1 FROM "{table}" WHERE "OrganizationId" = @org AND "Id" = @id""", ("id", id));
        return await exists.ExecuteScalarAsync() is null ? WriteStatus.NotFound : WriteStatus.Stale;
    }

    // Removes a deleted user or group from every group it was a member of; each of those groups changes (new version,
    // lastModified = now).
    private async ValueTask LeaveGroupsAsync(Guid memberId, DateTime now)
    {
        await RunAsync("""
            UPDATE "groups" SET "Version" = "Version" + 1, "LastModifiedUtc" = @now
            WHERE "OrganizationId" = @org AND "Id" IN (SELECT "GroupId" FROM "group_members" WHERE "OrganizationId" = @org AND "MemberId" = @id)
            """, ("id", memberId), ("now", now));
        await RunAsync("""DELETE FROM "group_members" WHERE "OrganizationId" = @org AND "MemberId" = @id""", ("id", memberId));
    }

    // The user's value rows and addresses (after deleting the old ones when replacing) in one round trip.
    private async ValueTask InsertRowsAsync(User user, bool replacing)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (replacing)
        {
            foreach (var table in (string[])["user_values", "user_addresses"])
            {
                var delete = new NpgsqlBatchCommand($"""DELETE FROM "{table}" WHERE "OrganizationId" = @org AND "UserId" = @id""");
                delete.Parameters.Add(Parameter("org", organizationId));
                delete.Parameters.Add(Parameter("id", user.Id));
                batch.BatchCommands.Add(delete);
            }
        }

        foreach (var value in user.Values)
        {
            statements.InsertValue.AddTo(batch, value);
        }

        foreach (var address in user.Addresses)
        {
            statements.InsertAddress.AddTo(batch, address);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync();
        }
    }

    private async ValueTask<WriteStatus> StatusAsync(Func<Task<WriteStatus>> statements)
    {
        try
        {
            return await statements();
        }
        catch (PostgresException ex) when (WriteFailure.StatusOf(failures.Classify(ex)) is { } status)
        {
            // The transaction is aborted; the write returns this status as its error and the writer rolls it back.
            return status;
        }
    }

    private async Task<int> ExecuteAsync(EntityStatement statement, object entity, long? expected = null)
    {
        await using var command = statement.Prepare(connection);
        return await statement.Bind(command, entity, expected).ExecuteNonQueryAsync();
    }

    private async Task<int> RunAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private NpgsqlCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(Parameter("org", organizationId));
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    private static NpgsqlParameter Parameter(string name, object value) => value switch
    {
        Guid id => new NpgsqlParameter<Guid>(name, NpgsqlDbType.Uuid) { TypedValue = id },
        string text => new NpgsqlParameter<string>(name, NpgsqlDbType.Text) { TypedValue = text },
        Guid[] ids => new NpgsqlParameter<Guid[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = ids },
        DateTime time => new NpgsqlParameter<DateTime>(name, NpgsqlDbType.TimestampTz) { TypedValue = time },
        int number => new NpgsqlParameter<int>(name, NpgsqlDbType.Integer) { TypedValue = number },
        long number => new NpgsqlParameter<long>(name, NpgsqlDbType.Bigint) { TypedValue = number },
        long[] numbers => new NpgsqlParameter<long[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = numbers },
        _ => throw new ArgumentException($"No PostgreSQL type for parameter {name}.", nameof(value)),
    };

    // In key order: inserts and deletes walk the index in order, and concurrent writes lock rows in the same order.
    private static Guid[] Sorted(IReadOnlyCollection<Guid> ids)
    {
        var sorted = ids.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
