using Scim.Infrastructure;

namespace Scim.Api;

/// <summary>
/// What the server and the admin commands do with the schema before they use the database: apply the pending
/// migrations (<see cref="DatabaseOptions.MigrateOnStart"/>, the default), or, where migrations are a deployment step
/// of their own, only check that none is pending.
/// </summary>
public static class DatabaseReadiness
{
    /// <summary>Migrates, or checks that the schema is current, as <paramref name="options"/> say.</summary>
    /// <param name="services">The services <c>AddScimCore</c> registered.</param>
    /// <param name="options">The <c>Scim:Database</c> settings.</param>
    /// <param name="cancellationToken">Cancels the migration or the check.</param>
    /// <returns>
    /// Null when the database may be used; otherwise, for the operator, why not: the pending migrations and the
    /// <c>db migrate</c> command that applies them.
    /// </returns>
    /// <exception cref="System.Data.Common.DbException">The database server cannot be reached, refused the login or failed a migration.</exception>
    public static async Task<string?> PrepareAsync(IServiceProvider services, DatabaseOptions options, CancellationToken cancellationToken)
    {
        if (options.MigrateOnStart)
        {
            await services.MigrateScimDatabaseAsync(cancellationToken);
            return null;
        }

        var status = await SchemaStatus.ReadAsync(services, cancellationToken);
        return status.IsCurrent
            ? null
            : $"""
                The database schema is not current and Scim:Database:MigrateOnStart is false, so it is not migrated here.
                Pending migrations ({services.GetRequiredService<IScimDatabase>().Provider}): {string.Join(", ", status.Pending)}
                Apply them first, with the same configuration: dotnet Scim.Api.dll db migrate
                """;
    }
}
