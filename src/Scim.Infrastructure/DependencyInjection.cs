using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scim.Application.Common.Persistence;
using Scim.Infrastructure.Data;
using Scim.Infrastructure.Writes;

namespace Scim.Infrastructure;

/// <summary>Registers the EF Core database.</summary>
public static class DependencyInjection
{
    /// <summary>Adds <see cref="ScimDbContext"/> on a SQLite file and exposes it as <see cref="IScimDbContext"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=scim.db</c>.</param>
    public static IServiceCollection AddScimDatabase(this IServiceCollection services, string connectionString)
    {
        SqliteProcessSettings.Apply();
        services.AddScoped<OrganizationContext>();
        // Pooled: a request rents a context that already has its model, services and options instead of building one.
        services.AddPooledDbContextFactory<ScimDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteUnicodeLower())
            // A taken userName is an expected 409, not an error: keep EF Core's failure logs for it out of the error log.
            // Real database failures still reach the request's exception handler, which logs them.
            .ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug))));
        services.AddScoped<ScimDbContextLease>();
        services.AddScoped(sp => sp.GetRequiredService<ScimDbContextLease>().Context);
        services.AddScoped<IScimDbContext>(sp => sp.GetRequiredService<ScimDbContext>());
        services.AddSingleton<IResourceWriter>(sp =>
        {
            using var context = sp.GetRequiredService<IDbContextFactory<ScimDbContext>>().CreateDbContext();
            return new SqliteResourceWriter(connectionString, context.Model, sp.GetRequiredService<ILogger<SqliteResourceWriter>>());
        });
        services.AddHostedService<SqliteOptimizer>();
        return services;
    }

    /// <summary>
    /// Applies pending EF Core migrations and switches SQLite to write-ahead logging, so readers never wait for
    /// the single writer.
    /// </summary>
    public static async Task MigrateScimDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Any(m => m.EndsWith("_" + UserDocumentBackfill.Migration, StringComparison.Ordinal)))
        {
            await UserDocumentBackfill.RunAsync(db, cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
