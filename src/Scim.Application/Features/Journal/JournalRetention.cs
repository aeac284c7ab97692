using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scim.Application.Common.Persistence;

namespace Scim.Application.Features.Journal;

/// <summary>
/// Prunes every organization's journal (<see cref="PruneJournal"/>) as <see cref="JournalOptions"/> say: at start, then
/// every <see cref="JournalOptions.PruneIntervalMinutes"/>. With several server instances on one database each prunes;
/// the deletions of one then find nothing left to delete.
/// </summary>
internal sealed partial class JournalRetention(IServiceScopeFactory scopes, JournalOptions options, TimeProvider clock, ILogger<JournalRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.PruneIntervalMinutes));
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next run tries again; the journal only grows a little meanwhile.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IScimDbContext>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var organizations = await db.Organizations.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken);
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.RetentionDays);
        foreach (var organization in organizations)
        {
            var deleted = await mediator.Send(
                new PruneJournal.Command(
                    organization, before, options.MaxRowsPerOrganization, options.PruneBatchSize, TimeSpan.FromMilliseconds(options.PrunePauseMilliseconds)),
                cancellationToken);
            if (deleted > 0)
            {
                LogPruned(logger, deleted, organization);
            }
        }
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Pruned {Rows} journal rows of organization {OrganizationId}.")]
    private static partial void LogPruned(ILogger logger, int rows, Guid organizationId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Pruning the journal failed; the next run tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
