using Mediator;
using Scim.Application.Features.Organizations;

namespace Scim.Api.Authentication;

/// <summary>
/// Writes the keys' last-used minutes every <see cref="ApiKeyOptions.LastUsedFlushInterval"/> (by the server's
/// <see cref="TimeProvider"/>) and once more on a graceful shutdown, through <see cref="FlushApiKeyUsage"/>: requests
/// never wait for it. A failed write is logged and retried at the next interval.
/// </summary>
internal sealed partial class ApiKeyUsageWriter(
    IServiceScopeFactory scopes, ApiKeyUsage usage, TimeProvider clock, ApiKeyOptions options, ILogger<ApiKeyUsageWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.LastUsedFlushInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!usage.HasPending)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FlushApiKeyUsage.Command(), cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A last-used time is worth a log line, never the server: the uses stay noted for the next flush.
            FlushFailed(logger, exception);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Writing the API keys' last-used times failed; retrying at the next interval.")]
    private static partial void FlushFailed(ILogger logger, Exception exception);
}
