using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Scim.Infrastructure.Writes;

/// <summary>
/// A prepared INSERT or UPDATE of one entity type, built from the EF Core model: table, column names and each
/// column's type mapping (a <see cref="Guid"/> is bound as the model stores it, as are dates), so raw statements
/// and EF Core queries read and write the same values. Prepared once per writer connection and reused.
/// </summary>
internal sealed class EntityStatement
{
    private readonly DbCommand command;
    private readonly (IProperty Property, DbParameter Parameter, RelationalTypeMapping Mapping)[] bindings;
    private readonly DbParameter? expectedVersion;

    private EntityStatement(DbCommand command, (IProperty, DbParameter, RelationalTypeMapping)[] bindings, DbParameter? expectedVersion)
    {
        this.command = command;
        this.bindings = bindings;
        this.expectedVersion = expectedVersion;
    }

    /// <summary><c>INSERT INTO table (every column but a database-generated key) VALUES (...)</c>.</summary>
    public static EntityStatement Insert(DbConnection connection, IEntityType entity)
    {
        var properties = entity.GetProperties().Where(p => !IsGeneratedKey(p)).ToList();
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {Quote(entity.GetTableName()!)} ({string.Join(", ", properties.Select(p => Quote(p.GetColumnName())))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        return new EntityStatement(command, Bind(command, properties), null);
    }

    /// <summary>
    /// <c>UPDATE table SET (every column but the key, the organization and the creation time) WHERE key and
    /// organization match and Version = @expected</c>: one row or none. The columns of <paramref name="keptWhenNull"/>
    /// keep their stored value when the entity's is null (a write-only value the writer does not know, such as the
    /// password's hash).
    /// </summary>
    public static EntityStatement UpdateVersioned(DbConnection connection, IEntityType entity, params string[] keptWhenNull)
    {
        string[] fixedColumns = ["OrganizationId", "CreatedUtc"];
        var key = entity.FindPrimaryKey()!.Properties;
        var set = entity.GetProperties().Where(p => !p.IsPrimaryKey() && !fixedColumns.Contains(p.Name)).ToList();
        var where = key.Append(entity.FindProperty("OrganizationId")!).ToList();
        var all = set.Concat(where).ToList();
        var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {Quote(entity.GetTableName()!)} SET "
            + string.Join(", ", set.Select((p, i) => keptWhenNull.Contains(p.Name)
                ? $"{Quote(p.GetColumnName())} = COALESCE(@p{i}, {Quote(p.GetColumnName())})"
                : $"{Quote(p.GetColumnName())} = @p{i}"))
            + " WHERE " + string.Join(" AND ", where.Select((p, i) => $"{Quote(p.GetColumnName())} = @p{set.Count + i}"))
            + $" AND {Quote("Version")} = @expected";
        var bindings = Bind(command, all);
        var expected = command.CreateParameter();
        expected.ParameterName = "@expected";
        command.Parameters.Add(expected);
        return new EntityStatement(command, bindings, expected);
    }

    /// <summary>Runs the statement for <paramref name="entity"/>; the number of rows changed.</summary>
    public int Execute(object entity, long? expected = null)
    {
        foreach (var (property, parameter, mapping) in bindings)
        {
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (value is not null && mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            parameter.Value = value ?? DBNull.Value;
        }

        if (expectedVersion is not null)
        {
            expectedVersion.Value = expected ?? throw new ArgumentNullException(nameof(expected));
        }

        return command.ExecuteNonQuery();
    }

    /// <summary>Double-quotes an identifier (SQL standard, SQLite and PostgreSQL alike).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static (IProperty, DbParameter, RelationalTypeMapping)[] Bind(DbCommand command, List<IProperty> properties) =>
        properties.Select((p, i) =>
        {
            var mapping = (RelationalTypeMapping)p.GetTypeMapping();
            var parameter = mapping.CreateParameter(command, "@p" + i, null, p.IsNullable);
            command.Parameters.Add(parameter);
            return (p, parameter, mapping);
        }).ToArray();

    private static bool IsGeneratedKey(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long);
}
