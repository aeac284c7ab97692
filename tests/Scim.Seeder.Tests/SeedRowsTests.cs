using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Scim.Domain.Groups;
using Scim.Domain.Users;
using Scim.Infrastructure.Data;
using Scim.Infrastructure.Postgres;
using Scim.Infrastructure.Sqlite;
using Scim.Seeder.Database;

namespace Scim.Seeder.Tests;

/// <summary>The rows <c>--via db</c> writes have every column the server's model has, on both databases.</summary>
public sealed class SeedRowsTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_table_gets_every_column_of_the_model_but_a_generated_key(string provider)
    {
        var model = Model(provider);

        Assert.Equal(Columns(model, typeof(User)), Sorted(SeedRows.Users));
        Assert.Equal(Columns(model, typeof(UserValue)), Sorted(SeedRows.Values));
        Assert.Equal(Columns(model, typeof(UserAddress)), Sorted(SeedRows.Addresses));
        Assert.Equal(Columns(model, typeof(Group)), Sorted(SeedRows.Groups));
        Assert.Equal(Columns(model, typeof(GroupMember)), Sorted(SeedRows.Members));
        Assert.Equal(
            [SeedRows.Users.Table, SeedRows.Values.Table, SeedRows.Addresses.Table, SeedRows.Groups.Table, SeedRows.Members.Table],
            new[] { typeof(User), typeof(UserValue), typeof(UserAddress), typeof(Group), typeof(GroupMember) }.Select(t => model.FindEntityType(t)!.GetTableName()));
    }

    private static IModel Model(string provider)
    {
        var services = new ServiceCollection();
        _ = provider == "sqlite"
            ? SqliteDatabase.Add(services, "Data Source=model-only.db")
            : PostgresDatabase.Add(services, "Host=localhost;Database=model-only");
        using var built = services.BuildServiceProvider();
        using var db = built.GetRequiredService<IDbContextFactory<ScimDbContext>>().CreateDbContext();
        return db.Model;
    }

    /// <summary>The table's columns but a key the database generates (the value and address rows' identity).</summary>
    private static List<string> Columns(IModel model, Type entity) =>
    [
        .. model.FindEntityType(entity)!.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .Select(p => p.GetColumnName())
            .Order(StringComparer.Ordinal),
    ];

    private static List<string> Sorted<T>(RowShape<T> shape) => [.. shape.Columns.Order(StringComparer.Ordinal)];
}
