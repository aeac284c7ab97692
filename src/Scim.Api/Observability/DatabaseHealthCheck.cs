using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scim.Infrastructure;

namespace Scim.Api.Observability;

/// <summary>
/// Readiness: the database answers and its schema has no pending migration of this build (a read of the migrations
/// history, changing nothing). Unhealthy when the database cannot be reached or a migration is pending; the
/// description names the pending migrations (the exception stays in the health check log, out of the response).
/// </summary>
internal sealed class DatabaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await SchemaStatus.ReadAsync(services, cancellationToken);
            return status switch
            {
                { IsCurrent: true } => HealthCheckResult.Healthy(),
                // The server migrated it at start (or refused to start): a database that records no migration is gone,
                // e.g. the folder of a SQLite file was removed.
                { Applied.Count: 0 } => HealthCheckResult.Unhealthy("The database does not exist."),
                _ => HealthCheckResult.Unhealthy($"Pending migrations: {string.Join(", ", status.Pending)}."),
            };
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
