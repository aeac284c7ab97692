using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Scim.Application.Common.Persistence;
using Scim.Infrastructure.Data;
using Scim.Infrastructure.Postgres.Data;
using Scim.Infrastructure.Postgres.Writes;

namespace Scim.Infrastructure.Postgres;

/// <summary>
/// PostgreSQL, for several stateless server instances on one database: each write is its own transaction
/// (PostgreSQL runs them in parallel and flushes the commits that wait together), made race-free by constraints,
/// <c>ON CONFLICT</c>, conditional updates and row locks (<see cref="PostgresWriteSession"/>).
/// </summary>
public sealed partial class PostgresDatabase(NpgsqlDataSource dataSource, IServiceProvider services, ILogger<PostgresDatabase> logger)
    : IScimDatabase, IDatabaseFailures
{
    // pg_advisory_lock key held while migrating: "scim" in ASCII, so no other application's lock is likely to share it.
    private const long MigrationLock = 0x7363_696D;

    /// <inheritdoc />
    public string Provider => "postgres";

    /// <summary>
    /// Registers the PostgreSQL provider: one <see cref="NpgsqlDataSource"/> (its connection pool) for EF Core's reads
    /// and for the writer, the shared model as <see cref="PostgresModel"/> changes it, PostgreSQL's migrations.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=scim;Username=scim;Password=...</c>.
    /// Unless it says otherwise, the 64 most used statements of each connection are prepared (<c>Max Auto Prepare=64</c>).
    /// Connections go back to the pool without a reset (<c>No Reset On Close=true</c>): the server leaves no session
    /// state behind (its advisory locks are per transaction, the migration's is released), and the reset is a round
    /// trip each time EF Core closes a connection, which a list page does three times.</param>
    public static IServiceCollection Add(IServiceCollection services, string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        builder.ConnectionStringBuilder.NoResetOnClose = true;

        var dataSource = builder.Build();
        services.AddSingleton(dataSource);
        services.AddScimDbContext(options => options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, PostgresModel>(), holdConnection: false);
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton<IScimDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.AddSingleton<IDatabaseFailures>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.AddSingleton<IResourceWriter>(sp =>
        {
            using var context = sp.GetRequiredService<IDbContextFactory<ScimDbContext>>().CreateDbContext();
            return new PostgresResourceWriter(dataSource, context.Model, sp.GetRequiredService<IDatabaseFailures>());
        });
        services.AddSingleton<IJournalReadBarrier, PostgresJournalLock>();
        services.AddSingleton<UserGroupsReader, PostgresUserGroupsReader>();
        return services;
    }

    /// <summary>
    /// Applies pending migrations while holding a session advisory lock, so instances that start at once migrate one
    /// after another (the later ones find nothing left to do); returns the ids of the migrations this call applied.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await CreateDatabaseIfMissingAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", MigrationLock);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
            // Read under the lock, so only the instance that really applies a migration reports it.
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                var names = string.Join(", ", pending);
                LogMigrating(logger, names);
                await db.Database.MigrateAsync(cancellationToken);
            }

            return pending;
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", MigrationLock);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    // The database of the connection string, created on first start when the user may create databases (as SQLite
    // creates its file); an instance that loses the race to create it finds it there.
    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        // A context of its own: a request's context opens its connection, to a database that may not exist yet.
        await using var db = await services.GetRequiredService<IDbContextFactory<ScimDbContext>>().CreateDbContextAsync(cancellationToken);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    /// <inheritdoc />
    public DatabaseFailure Classify(Exception exception) => ProviderException.Find<PostgresException>(exception)?.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => DatabaseFailure.UniqueViolation,
        PostgresErrorCodes.ForeignKeyViolation => DatabaseFailure.MissingReference,
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => DatabaseFailure.Retryable,
        _ => DatabaseFailure.Other,
    };

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Applying PostgreSQL migrations: {Migrations}.")]
    private static partial void LogMigrating(ILogger logger, string migrations);
}
