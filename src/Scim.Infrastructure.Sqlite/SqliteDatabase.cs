using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scim.Application.Common.Persistence;
using Scim.Infrastructure.Data;
using Scim.Infrastructure.Sqlite.Data;
using Scim.Infrastructure.Sqlite.Writes;

namespace Scim.Infrastructure.Sqlite;

/// <summary>
/// The embedded default: one SQLite file, one writer connection that commits the writes of many requests at once
/// (<see cref="SqliteResourceWriter"/>), readers in parallel through write-ahead logging.
/// </summary>
public sealed class SqliteDatabase(IServiceProvider services) : IScimDatabase, IDatabaseFailures
{
    // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_FOREIGNKEY (extended result codes).
    private const int UniqueViolation = 2067;
    private const int PrimaryKeyViolation = 1555;
    private const int ForeignKeyViolation = 787;

    /// <inheritdoc />
    public string Provider => "sqlite";

    /// <summary>
    /// Registers the SQLite provider: the shared model with SQLite's migrations and Unicode <c>lower()</c>, the group-commit
    /// writer and the hourly optimizer.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=scim.db</c>.</param>
    public static IServiceCollection Add(IServiceCollection services, string connectionString)
    {
        SqliteProcessSettings.Apply();
        services.AddScimDbContext(options => options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .AddInterceptors(new SqliteConnectionSetup(), new SqliteQueryInterrupt()));
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IScimDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<IDatabaseFailures>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<IResourceWriter>(sp =>
        {
            using var context = sp.GetRequiredService<IDbContextFactory<ScimDbContext>>().CreateDbContext();
            return new SqliteResourceWriter(connectionString, context.Model, sp.GetRequiredService<IDatabaseFailures>(), sp.GetRequiredService<ILogger<SqliteResourceWriter>>());
        });
        services.AddSingleton<IJournalReadBarrier, SqliteJournalReadBarrier>();
        services.AddSingleton<UserGroupsReader, SqliteUserGroupsReader>();
        services.AddHostedService<SqliteOptimizer>();
        return services;
    }

    /// <summary>
    /// Applies pending migrations (filling in stored documents after the one that added them) and switches to
    /// write-ahead logging; returns the ids of the migrations applied.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Any(m => m.EndsWith("_" + UserDocumentBackfill.Migration, StringComparison.Ordinal)))
        {
            await UserDocumentBackfill.RunAsync(db, cancellationToken);
        }

        // Readers never wait for the single writer.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        return pending;
    }

    /// <inheritdoc />
    public DatabaseFailure Classify(Exception exception) => ProviderException.Find<SqliteException>(exception) switch
    {
        { SqliteExtendedErrorCode: UniqueViolation or PrimaryKeyViolation } => DatabaseFailure.UniqueViolation,
        { SqliteExtendedErrorCode: ForeignKeyViolation } => DatabaseFailure.MissingReference,
        _ => DatabaseFailure.Other,
    };
}
