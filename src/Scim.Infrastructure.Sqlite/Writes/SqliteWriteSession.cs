using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Domain.Users;
using Scim.Infrastructure.Writes;

namespace Scim.Infrastructure.Sqlite.Writes;

/// <summary>
/// The SQLite statements of <see cref="IWriteSession"/>, prepared once on the writer's connection. Member lists
/// travel as JSON array parameters (<c>json_each</c>) of <see cref="ChunkRows"/> ids, so adding 10,000 members is 20
/// statements, between which a large write may give the writer up (<see cref="YieldWhen"/>).
/// </summary>
internal sealed class SqliteWriteSession : IWriteSession
{
    private readonly SqliteConnection connection;
    private readonly IDatabaseFailures failures;
    private readonly Prepared insertUser, insertValue, insertAddress, insertGroup, insertJournal, insertOrganization, insertApiKey;
    private readonly VersionedUpdate updateUser, updateGroup;
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private Func<bool>? yieldWhen;
    private int chunks;

    public SqliteWriteSession(SqliteConnection connection, IModel model, IDatabaseFailures failures)
    {
        this.connection = connection;
        this.failures = failures;
        var users = model.FindEntityType(typeof(User))!;
        var groups = model.FindEntityType(typeof(Group))!;
        insertUser = new(connection, EntityStatement.Insert(users));
        updateUser = new(connection, users, nameof(User.PasswordHash));
        insertValue = new(connection, EntityStatement.Insert(model.FindEntityType(typeof(UserValue))!));
        insertAddress = new(connection, EntityStatement.Insert(model.FindEntityType(typeof(UserAddress))!));
        insertGroup = new(connection, EntityStatement.Insert(groups));
        updateGroup = new(connection, groups);
        // The sequence is the table's AUTOINCREMENT key: numbered as the one writer inserts, so in commit order, and
        // never reused, even after every row of the table has been pruned.
        insertJournal = new(connection, EntityStatement.Insert(model.FindEntityType(typeof(JournalEntry))!));
        insertOrganization = new(connection, EntityStatement.Insert(model.FindEntityType(typeof(Organization))!));
        insertApiKey = new(connection, EntityStatement.Insert(model.FindEntityType(typeof(ApiKey))!));
    }

    /// <summary>
    /// Members added or removed by one statement: about 1.5 ms of the writer's time (measured: 5,000 members added in
    /// 13.5 ms of statements and 7 ms of commit).
    /// </summary>
    public const int ChunkRows = 512;

    /// <summary>The organization of the write being run; every statement is limited to it.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>
    /// Asked before each chunk of a large member change: when it answers true, the write gives the writer up
    /// (<see cref="WriteYielded"/>). Null for a write that runs to its end. Set for each write, which starts its count
    /// of chunks over.
    /// </summary>
    public Func<bool>? YieldWhen
    {
        get => yieldWhen;
        set
        {
            yieldWhen = value;
            chunks = 0;
        }
    }

    /// <summary>
    /// After a write's statements: asks <see cref="YieldWhen"/> once more, as before a chunk, when the write had chunks.
    /// A write without them could not give way while it ran; undoing it now would throw its whole run away to spare one
    /// commit.
    /// </summary>
    public void YieldAfterChunks()
    {
        if (chunks > 0)
        {
            YieldPoint();
        }
    }

    public ValueTask<WriteStatus> InsertUserAsync(User user) => Status(() =>
    {
        insertUser.Execute(user);
        InsertRows(user);
        return WriteStatus.Written;
    });

    public ValueTask<WriteStatus> UpdateUserAsync(User user, long expectedVersion, bool rowsChanged) => Status(() =>
    {
        if (updateUser.Execute(user, expectedVersion) == 0)
        {
            return WriteStatus.Stale;
        }

        if (rowsChanged)
        {
            Run("""DELETE FROM "user_values" WHERE "UserId" = $id AND "OrganizationId" = $org""", ("$id", user.Id));
            Run("""DELETE FROM "user_addresses" WHERE "UserId" = $id AND "OrganizationId" = $org""", ("$id", user.Id));
            InsertRows(user);
        }

        return WriteStatus.Written;
    });

    public ValueTask<WriteStatus> DeleteUserAsync(Guid id, DateTime now, IReadOnlyCollection<long>? versions)
    {
        // What the user's deletion changes in other resources is a change of theirs: new version and lastModified.
        LeaveGroups(id, now);
        Run("""UPDATE "users" SET "Version" = "Version" + 1, "LastModifiedUtc" = $now WHERE "OrganizationId" = $org AND "ManagerId" = $id""",
            ("$id", id), ("$now", now));

        // Value rows and addresses follow (ON DELETE CASCADE), as do manager references (SET NULL).
        return ValueTask.FromResult(DeleteRow("users", id, versions));
    }

    public ValueTask<WriteStatus> InsertGroupAsync(Group group) => Status(() =>
    {
        insertGroup.Execute(group);
        return WriteStatus.Written;
    });

    public ValueTask<WriteStatus> UpdateGroupAsync(Group group, long expectedVersion) =>
        Status(() => updateGroup.Execute(group, expectedVersion) == 0 ? WriteStatus.Stale : WriteStatus.Written);

    public ValueTask<long?> TouchGroupAsync(Guid id, DateTime now) => ValueTask.FromResult(Scalar(
        """UPDATE "groups" SET "Version" = "Version" + 1, "LastModifiedUtc" = $now WHERE "Id" = $id AND "OrganizationId" = $org RETURNING "Version" """,
        ("$id", id), ("$now", now)) is long version ? version : (long?)null);

    public ValueTask<WriteStatus> DeleteGroupAsync(Guid id, DateTime now, IReadOnlyCollection<long>? versions)
    {
        LeaveGroups(id, now);

        // The group's own membership rows follow it (ON DELETE CASCADE).
        return ValueTask.FromResult(DeleteRow("groups", id, versions));
    }

    public ValueTask DeleteMembersAsync(Guid groupId, IReadOnlyCollection<Guid>? memberIds)
    {
        if (memberIds is null)
        {
            do
            {
                YieldPoint();
            }
            while (DeleteSomeMembers(groupId, ChunkRows) == ChunkRows);
        }
        else
        {
            foreach (var ids in JsonArraysOf(memberIds))
            {
                YieldPoint();
                Run("""
                    DELETE FROM "group_members" WHERE "GroupId" = $group AND "OrganizationId" = $org
                    AND "MemberId" IN (SELECT "value" FROM json_each($ids))
                    """, ("$group", groupId), ("$ids", ids));
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<Guid?> FindContainingGroupAsync(IReadOnlyCollection<Guid> groupIds, Guid groupId)
    {
        if (groupIds.Count == 0)
        {
            return ValueTask.FromResult<Guid?>(null);
        }

        // Walks down from each added group through its nested groups; nesting is shallow, and the walk sees the rows
        // of the writes committed before it and of this batch, so two requests nesting two groups into each other
        // cannot both pass.
        var root = Scalar("""
            WITH RECURSIVE reach("Root", "Id") AS (
                SELECT "value", "value" FROM json_each($ids)
                UNION
                SELECT r."Root", m."MemberId" FROM reach AS r
                JOIN "group_members" AS m ON m."GroupId" = r."Id" AND m."Type" = 1 AND m."OrganizationId" = $org
            )
            SELECT "Root" FROM reach WHERE "Id" = $group LIMIT 1
            """, ("$ids", JsonArrayOf(groupIds)), ("$group", groupId));
        return ValueTask.FromResult(root is string text ? Guid.Parse(text) : (Guid?)null);
    }

    public ValueTask<int> InsertMembersAsync(Guid groupId, IReadOnlyCollection<Guid> memberIds, MemberType type)
    {
        // Joined to the members' own rows, so an id deleted since the request checked it is not added (as if the
        // deletion had come after), and never one of another organization. CROSS JOIN keeps SQLite's join order:
        // each id looked up by primary key, where the planner would otherwise scan the organization's users.
        var table = type == MemberType.User ? "users" : "groups";
        var inserted = 0;
        foreach (var ids in JsonArraysOf(memberIds))
        {
            YieldPoint();
            inserted += Run($"""
                INSERT INTO "group_members" ("GroupId", "MemberId", "OrganizationId", "Type")
                SELECT $group, r."Id", $org, $type FROM json_each($ids) AS j CROSS JOIN "{table}" AS r ON r."Id" = j."value"
                WHERE r."OrganizationId" = $org
                ON CONFLICT DO NOTHING
                """, ("$group", groupId), ("$ids", ids), ("$type", (int)type));
        }

        return ValueTask.FromResult(inserted);
    }

    public ValueTask<WriteStatus> InsertOrganizationAsync(Organization organization) => Status(() =>
    {
        JournalRows.CheckOrganization(organization.Id, OrganizationId, "an organization");
        insertOrganization.Execute(organization);
        return WriteStatus.Written;
    });

    public ValueTask<WriteStatus> RenameOrganizationAsync(Organization organization) => Status(() =>
        Run("""UPDATE "organizations" SET "Name" = $name, "NameNormalized" = $normalized WHERE "Id" = $org AND "DeletionRequestedUtc" IS NULL""",
            ("$name", organization.Name), ("$normalized", organization.NameNormalized)) == 0 ? WriteStatus.NotFound : WriteStatus.Written);

    // 0, never a valid limit, stands for null: the deployment's limit.
    public ValueTask<WriteStatus> SetOrganizationRateLimitAsync(Organization organization) => Status(() =>
        Run("""UPDATE "organizations" SET "RateLimitPerSecond" = nullif($rate, 0), "RateLimitBurst" = nullif($burst, 0) WHERE "Id" = $org AND "DeletionRequestedUtc" IS NULL""",
            ("$rate", organization.RateLimitPerSecond ?? 0), ("$burst", organization.RateLimitBurst ?? 0)) == 0
            ? WriteStatus.NotFound
            : WriteStatus.Written);

    public ValueTask InsertApiKeyAsync(ApiKey key)
    {
        JournalRows.CheckOrganization(key.OrganizationId, OrganizationId, "an API key");
        insertApiKey.Execute(key);
        return ValueTask.CompletedTask;
    }

    public ValueTask<WriteStatus> RevokeApiKeyAsync(Guid keyId, DateTime now) => ValueTask.FromResult(Run("""
        UPDATE "api_keys" SET "RevokedUtc" = $now WHERE "Id" = $id AND "OrganizationId" = $org AND "RevokedUtc" IS NULL
        """, ("$id", keyId), ("$now", now)) == 0 ? WriteStatus.Stale : WriteStatus.Written);

    public ValueTask JournalAsync(JournalEntry entry)
    {
        insertJournal.Execute(JournalRows.OfOrganization(entry, OrganizationId));
        return ValueTask.CompletedTask;
    }

    public ValueTask<int> DeleteJournalAsync(long throughSequence, int limit) => ValueTask.FromResult(Run("""
        DELETE FROM "journal" WHERE "Sequence" IN (
            SELECT "Sequence" FROM "journal" WHERE "OrganizationId" = $org AND "Sequence" <= $through ORDER BY "Sequence" LIMIT $limit)
        """, ("$through", throughSequence), ("$limit", limit)));

    public ValueTask<string[]?> MarkOrganizationDeletedAsync(DateTime now)
    {
        if (Run("""UPDATE "organizations" SET "DeletionRequestedUtc" = coalesce("DeletionRequestedUtc", $now) WHERE "Id" = $org""", ("$now", now)) == 0)
        {
            return ValueTask.FromResult<string[]?>(null);
        }

        Run("""UPDATE "api_keys" SET "RevokedUtc" = $now WHERE "OrganizationId" = $org AND "RevokedUtc" IS NULL""", ("$now", now));
        var hashes = new List<string>();
        using (var reader = Prepare("""SELECT "SecretHash" FROM "api_keys" WHERE "OrganizationId" = $org""", []).ExecuteReader())
        {
            while (reader.Read())
            {
                hashes.Add(reader.GetString(0));
            }
        }

        return ValueTask.FromResult<string[]?>([.. hashes]);
    }

    // The one writer runs writes one at a time, so this sees every mark committed before the write.
    public ValueTask<bool> OrganizationOpenAsync() => ValueTask.FromResult(
        Scalar("""SELECT 1 FROM "organizations" WHERE "Id" = $org AND "DeletionRequestedUtc" IS NULL""") is not null);

    public ValueTask<Guid?> FirstGroupAsync() => ValueTask.FromResult(
        Scalar("""SELECT "Id" FROM "groups" WHERE "OrganizationId" = $org ORDER BY "OrganizationId", "DisplayNameNormalized" LIMIT 1""") is string id
            ? Guid.Parse(id)
            : (Guid?)null);

    // By the primary key's GroupId prefix.
    public ValueTask<int> DeleteSomeMembersAsync(Guid groupId, int limit) => ValueTask.FromResult(DeleteSomeMembers(groupId, limit));

    // Value and address rows follow (ON DELETE CASCADE), as does the manager of the users they managed (SET NULL).
    public ValueTask<int> DeleteSomeUsersAsync(int limit) => ValueTask.FromResult(Run("""
        DELETE FROM "users" WHERE rowid IN (SELECT rowid FROM "users" WHERE "OrganizationId" = $org LIMIT $limit)
        """, ("$limit", limit)));

    public ValueTask DeleteOrganizationAsync()
    {
        Run("""DELETE FROM "journal" WHERE "OrganizationId" = $org""");
        Run("""DELETE FROM "organizations" WHERE "Id" = $org""");
        return ValueTask.CompletedTask;
    }

    // Deletes the row of a user or group where its version is one of `versions` (any when null). What the deletion changed
    // before (memberships, references) is undone with the write when the row is not deleted; only then is the row looked
    // up, to tell a missing resource from one at another version.
    private WriteStatus DeleteRow(string table, Guid id, IReadOnlyCollection<long>? versions)
    {
        if (versions is null)
        {
            return Run($"""DELETE FROM "{table}" WHERE "Id" = $id AND "OrganizationId" = $org""", ("$id", id)) > 0 ? WriteStatus.Written : WriteStatus.NotFound;
        }

        if (Run($"""
            DELETE FROM "{table}" WHERE "Id" = $id AND "OrganizationId" = $org AND "Version" IN (SELECT "value" FROM json_each($versions))
            """, ("$id", id), ("$versions", $"[{string.Join(',', versions)}]")) > 0)
        {
            return WriteStatus.Written;
        }

        return Scalar($"""SELECT 1 FROM "{table}" WHERE "Id" = $id AND "OrganizationId" = $org""", ("$id", id)) is null
            ? WriteStatus.NotFound
            : WriteStatus.Stale;
    }

    // The table has no rowid: its rows are found by their key, the group's first members in key order.
    private int DeleteSomeMembers(Guid groupId, int limit) => Run("""
        DELETE FROM "group_members" WHERE "GroupId" = $group AND "OrganizationId" = $org AND "MemberId" IN (
            SELECT "MemberId" FROM "group_members" WHERE "GroupId" = $group AND "OrganizationId" = $org
            ORDER BY "MemberId" LIMIT $limit)
        """, ("$group", groupId), ("$limit", limit));

    private void YieldPoint()
    {
        chunks++;
        if (yieldWhen?.Invoke() == true)
        {
            throw new WriteYielded();
        }
    }

    // Removes a deleted user or group from every group it was a member of; each of those groups changes (new version,
    // lastModified = now).
    private void LeaveGroups(Guid memberId, DateTime now)
    {
        Run("""
            UPDATE "groups" SET "Version" = "Version" + 1, "LastModifiedUtc" = $now
            WHERE "OrganizationId" = $org AND "Id" IN (SELECT "GroupId" FROM "group_members" WHERE "MemberId" = $id)
            """, ("$id", memberId), ("$now", now));
        Run("""DELETE FROM "group_members" WHERE "MemberId" = $id AND "OrganizationId" = $org""", ("$id", memberId));
    }

    private void InsertRows(User user)
    {
        foreach (var value in user.Values)
        {
            insertValue.Execute(value);
        }

        foreach (var address in user.Addresses)
        {
            insertAddress.Execute(address);
        }
    }

    private ValueTask<WriteStatus> Status(Func<WriteStatus> statements)
    {
        try
        {
            return ValueTask.FromResult(statements());
        }
        catch (SqliteException ex) when (WriteFailure.StatusOf(failures.Classify(ex)) is { } status)
        {
            return ValueTask.FromResult(status);
        }
    }

    private int Run(string sql, params (string Name, object Value)[] parameters) => Prepare(sql, parameters).ExecuteNonQuery();

    private object? Scalar(string sql, params (string Name, object Value)[] parameters) => Prepare(sql, parameters).ExecuteScalar();

    private SqliteCommand Prepare(string sql, (string Name, object Value)[] parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add("$org", SqliteType.Text);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(name, value is int or long ? SqliteType.Integer : SqliteType.Text);
            }

            commands[sql] = command;
        }

        command.Parameters["$org"].Value = Text(OrganizationId);
        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value switch
            {
                Guid id => Text(id),
                DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                _ => value,
            };
        }

        return command;
    }

    // As EF Core's SQLite provider stores a Guid: upper-case text. One string, not a lower-case one and its copy.
    private static string Text(Guid id) => string.Create(36, id, static (chars, value) =>
    {
        value.TryFormat(chars, out _, "D");
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.ToUpperInvariant(chars[i]);
        }
    });

    private static string JsonArrayOf(IReadOnlyCollection<Guid> ids) => JsonArraysOf(ids, int.MaxValue).Single();

    // In key order: a large member list then inserts and deletes along the indexes instead of all over them
    // (measured: 10,000 members inserted about twice as fast). None for no ids.
    private static IEnumerable<string> JsonArraysOf(IReadOnlyCollection<Guid> ids, int chunk = ChunkRows)
    {
        foreach (var part in ids.Select(Text).Order(StringComparer.Ordinal).Chunk(chunk))
        {
            var json = new StringBuilder((part.Length * 39) + 2).Append('[');
            foreach (var id in part)
            {
                json.Append(json.Length > 1 ? ",\"" : "\"").Append(id).Append('"');
            }

            yield return json.Append(']').ToString();
        }
    }

    // A statement prepared once on the writer's connection.
    private sealed class Prepared(SqliteConnection connection, EntityStatement statement)
    {
        private readonly System.Data.Common.DbCommand command = statement.Prepare(connection);

        public int Execute(object entity, long? expected = null) => Bind(entity, expected).ExecuteNonQuery();

        public System.Data.Common.DbCommand Bind(object entity, long? expected = null) => statement.Bind(command, entity, expected);
    }

    // The conditional update of a user's or group's row (EntityStatement.UpdateVersioned) that sets only the indexed
    // columns whose value changes: a PATCH of a title then rewrites the row and the lastModified index, not the entries
    // of userName, displayName, externalId and manager as well (measured: 7.9 -> 3.7 pages written per commit of one such
    // PATCH). The comparison reads the row the update is about to change, on pages it is about to write.
    private sealed class VersionedUpdate
    {
        private readonly SqliteConnection connection;
        private readonly IEntityType type;
        private readonly string[] keptWhenNull;
        private readonly Prepared compare;
        private readonly IReadOnlyList<string> indexed;

        // By the set of indexed columns left out (bit i: indexed[i]), prepared when first needed.
        private readonly Dictionary<int, Prepared> updates = [];

        public VersionedUpdate(SqliteConnection connection, IEntityType type, params string[] keptWhenNull)
        {
            this.connection = connection;
            this.type = type;
            this.keptWhenNull = keptWhenNull;
            compare = new(connection, EntityStatement.CompareIndexed(type, out indexed));
            if (indexed.Count > 30)
            {
                throw new InvalidOperationException($"{type.GetTableName()} has more indexed columns ({indexed.Count}) than an update's variants are counted for (30).");
            }
        }

        // The rows updated: 1, or 0 when the row is gone or at another version.
        public int Execute(object entity, long expected)
        {
            var unchanged = 0;
            using (var reader = compare.Bind(entity, expected).ExecuteReader())
            {
                if (!reader.Read())
                {
                    return 0;
                }

                for (var i = 0; i < indexed.Count; i++)
                {
                    if (reader.GetInt64(i) == 1)
                    {
                        unchanged |= 1 << i;
                    }
                }
            }

            if (!updates.TryGetValue(unchanged, out var update))
            {
                updates[unchanged] = update = new(connection, EntityStatement.UpdateVersioned(
                    type, [.. indexed.Where((_, i) => (unchanged & (1 << i)) != 0)], keptWhenNull));
            }

            return update.Execute(entity, expected);
        }
    }
}
