using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Scim.Infrastructure.Data;

namespace Scim.Infrastructure;

/// <summary>
/// Where the database's schema stands against the migrations of this build, read without changing anything (no
/// database or file is created): what <c>db status</c> prints, and what the server checks on start when migrations
/// are a deployment step of their own.
/// </summary>
/// <param name="Applied">The migrations the database records, oldest first; empty when it does not exist yet.</param>
/// <param name="Pending">This build's migrations the database lacks, oldest first.</param>
/// <param name="Unknown">Applied migrations this build does not know: a newer version migrated the database.</param>
public sealed record SchemaStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    /// <summary>True when no migration of this build is pending (newer ones it does not know do not count).</summary>
    public bool IsCurrent => Pending.Count == 0;

    /// <summary>Reads the status of the configured provider's database.</summary>
    /// <param name="services">The services <c>AddScimCore</c> registered.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="System.Data.Common.DbException">The database server cannot be reached or refused the login.</exception>
    public static async Task<SchemaStatus> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // A context of its own rather than a request's: nothing here should run inside a request's scope.
        await using var db = await services.GetRequiredService<IDbContextFactory<ScimDbContext>>().CreateDbContextAsync(cancellationToken);
        // A database not created yet has applied nothing. Asked for its migrations, EF Core would find that out too, but
        // log the failed connection as an error.
        List<string> applied = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken)
            ? [.. await db.Database.GetAppliedMigrationsAsync(cancellationToken)]
            : [];
        var known = db.Database.GetMigrations().ToList();
        return new SchemaStatus(applied, [.. known.Except(applied, StringComparer.Ordinal)], [.. applied.Except(known, StringComparer.Ordinal)]);
    }
}
