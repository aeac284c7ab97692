using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scim.Application.Common.Persistence;

namespace Scim.Application.Features.Organizations.Erasure;

/// <summary>
/// Runs the erasures of deleted organizations (<see cref="EraseOrganization"/>) one after another: at start, of every
/// organization marked deleted (an erasure a restart interrupted goes on), then of each one
/// <see cref="DeleteOrganization"/> leaves unfinished. With several server instances on one database each may erase the
/// same organization; the batches of one then find less left, and the last finds nothing.
/// </summary>
internal sealed partial class OrganizationErasureService(IServiceScopeFactory scopes, PendingErasures queue, ILogger<OrganizationErasureService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IScimDbContext>();
            try
            {
                foreach (var organization in await db.Organizations.AsNoTracking()
                    .Where(o => o.DeletionRequestedUtc != null).Select(o => o.Id).ToListAsync(stoppingToken))
                {
                    queue.Enqueue(organization);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database not reachable at start: the next deletion, or the next start, finds them again.
                LogFailed(logger, ex, Guid.Empty);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var organization = await queue.NextAsync(stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EraseOrganization.Command(organization), stoppingToken))
                {
                    LogErased(logger, organization);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left marked deleted: the next start (or a new DELETE) goes on with it.
                LogFailed(logger, ex, organization);
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Erased organization {OrganizationId}.")]
    private static partial void LogErased(ILogger logger, Guid organizationId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Erasing organization {OrganizationId} failed; the next start goes on with it.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid organizationId);
}
