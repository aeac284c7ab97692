using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Scim.Infrastructure.Writes;

/// <summary>
/// An INSERT or UPDATE of one entity type, built once from the EF Core model: table, column names and each column's
/// type mapping (a <see cref="Guid"/> is bound as the provider stores it, as are dates), so raw statements and EF Core
/// queries read and write the same values. <see cref="Prepare"/> makes the command on a connection, to be reused.
/// </summary>
internal sealed class EntityStatement
{
    private readonly string sql;
    private readonly (IProperty Property, RelationalTypeMapping Mapping)[] columns;
    private readonly bool versioned;

    private EntityStatement(string sql, List<IProperty> columns, bool versioned)
    {
        this.sql = sql;
        this.columns = [.. columns.Select(p => (p, (RelationalTypeMapping)p.GetTypeMapping()))];
        this.versioned = versioned;
    }

    /// <summary>
    /// <c>INSERT INTO table (every column but a database-generated key) VALUES (...)</c>, followed by
    /// <paramref name="suffix"/> (e.g. <c>ON CONFLICT DO NOTHING</c>).
    /// </summary>
    public static EntityStatement Insert(IEntityType entity, string suffix = "")
    {
        var properties = entity.GetProperties().Where(p => !IsGeneratedKey(p)).ToList();
        var sql = $"INSERT INTO {Quote(entity.GetTableName()!)} ({string.Join(", ", properties.Select(p => Quote(p.GetColumnName())))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))}) {suffix}";
        return new EntityStatement(sql.TrimEnd(), properties, versioned: false);
    }

    /// <summary>
    /// <c>UPDATE table SET (every column but the key, the organization, the creation time and <paramref name="unchanged"/>)
    /// WHERE key and organization match and Version = @expected</c>: one row or none. The columns of
    /// <paramref name="keptWhenNull"/> keep their stored value when the entity's is null (a write-only value the writer
    /// does not know, such as the password's hash).
    /// </summary>
    /// <param name="entity">The entity type.</param>
    /// <param name="unchanged">Indexed columns the update leaves out because they keep their value (see <see cref="CompareIndexed"/>).</param>
    /// <param name="keptWhenNull">Columns whose stored value a null leaves in place.</param>
    public static EntityStatement UpdateVersioned(IEntityType entity, IReadOnlyCollection<string> unchanged, params string[] keptWhenNull)
    {
        var set = Settable(entity).Where(p => !unchanged.Contains(p.Name)).ToList();
        var where = KeyOf(entity);
        var sql = $"UPDATE {Quote(entity.GetTableName()!)} SET "
            + string.Join(", ", set.Select((p, i) => keptWhenNull.Contains(p.Name)
                ? $"{Quote(p.GetColumnName())} = COALESCE(@p{i}, {Quote(p.GetColumnName())})"
                : $"{Quote(p.GetColumnName())} = @p{i}"))
            + " WHERE " + string.Join(" AND ", where.Select((p, i) => $"{Quote(p.GetColumnName())} = @p{set.Count + i}"))
            + $" AND {Quote("Version")} = @expected";
        return new EntityStatement(sql, [.. set, .. where], versioned: true);
    }

    /// <summary>
    /// <c>SELECT (indexed column IS @p0), … FROM table WHERE key and organization match and Version = @expected</c>: for
    /// the row at the expected version, which of the indexed columns an <see cref="UpdateVersioned"/> sets already hold
    /// the entity's value (1) and which would change (0); no row when the row is gone or at another version. SQLite
    /// rewrites an index entry for every indexed column an UPDATE names, changed or not, so leaving the unchanged ones
    /// out spares a write those index pages.
    /// </summary>
    /// <param name="entity">The entity type.</param>
    /// <param name="indexed">The names of the indexed columns compared, in the order of the result's columns.</param>
    public static EntityStatement CompareIndexed(IEntityType entity, out IReadOnlyList<string> indexed)
    {
        var compared = Settable(entity).Where(p => p.IsIndex() || p.IsKey()).ToList();
        var where = KeyOf(entity);
        indexed = [.. compared.Select(p => p.Name)];

        // Binary collation: a column compared case-insensitively must still count as changed when only its case does.
        var sql = "SELECT " + string.Join(", ", compared.Select((p, i) => $"{Quote(p.GetColumnName())} IS @p{i} COLLATE BINARY"))
            + $" FROM {Quote(entity.GetTableName()!)} WHERE "
            + string.Join(" AND ", where.Select((p, i) => $"{Quote(p.GetColumnName())} = @p{compared.Count + i}"))
            + $" AND {Quote("Version")} = @expected";
        return new EntityStatement(sql, [.. compared, .. where], versioned: true);
    }

    /// <summary>The statement as a command on <paramref name="connection"/>, with its parameters typed by the model.</summary>
    public DbCommand Prepare(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, command.Parameters);
        return command;
    }

    /// <summary>
    /// Adds the statement for <paramref name="entity"/> to <paramref name="batch"/> (sent with the batch's other statements
    /// in one round trip, where the provider supports batches).
    /// </summary>
    public DbBatchCommand AddTo(DbBatch batch, object entity, long? expected = null)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        using (var factory = batch.Connection!.CreateCommand())
        {
            AddParameters(factory, command.Parameters);
        }

        Bind(command.Parameters, entity, expected);
        batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>
    /// Sets the parameters of <paramref name="command"/> (made by <see cref="Prepare"/>) to <paramref name="entity"/>'s
    /// values and, for a versioned update, the version the row must still have; the caller then runs it.
    /// </summary>
    public DbCommand Bind(DbCommand command, object entity, long? expected = null)
    {
        Bind(command.Parameters, entity, expected);
        return command;
    }

    // Parameters are made by a command of the provider (a type mapping configures them on it), then added to the list.
    private void AddParameters(DbCommand factory, DbParameterCollection parameters)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var (property, mapping) = columns[i];
            parameters.Add(mapping.CreateParameter(factory, "@p" + i, null, property.IsNullable));
        }

        if (versioned)
        {
            var expected = factory.CreateParameter();
            expected.ParameterName = "@expected";
            expected.DbType = System.Data.DbType.Int64;
            parameters.Add(expected);
        }
    }

    private void Bind(DbParameterCollection parameters, object entity, long? expected)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var (property, mapping) = columns[i];
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (value is not null && mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            parameters[i].Value = value ?? DBNull.Value;
        }

        if (versioned)
        {
            parameters[columns.Length].Value = expected ?? throw new ArgumentNullException(nameof(expected));
        }
    }

    // What an update may set: every column but the key, the organization and the creation time.
    private static IEnumerable<IProperty> Settable(IEntityType entity)
    {
        string[] fixedColumns = ["OrganizationId", "CreatedUtc"];
        return entity.GetProperties().Where(p => !p.IsPrimaryKey() && !fixedColumns.Contains(p.Name));
    }

    // The row of an update: its key and organization.
    private static List<IProperty> KeyOf(IEntityType entity) =>
        entity.FindPrimaryKey()!.Properties.Append(entity.FindProperty("OrganizationId")!).Distinct().ToList();

    /// <summary>Double-quotes an identifier (SQL standard, SQLite and PostgreSQL alike).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static bool IsGeneratedKey(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long);
}
