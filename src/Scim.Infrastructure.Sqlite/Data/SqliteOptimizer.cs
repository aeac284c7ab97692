using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scim.Infrastructure.Data;

namespace Scim.Infrastructure.Sqlite.Data;

/// <summary>
/// Runs SQLite's <c>PRAGMA optimize</c> at start and then hourly, so the planner's statistics follow the directory
/// as it grows: with them, <c>emails.value eq "x"</c> is answered from the value index in microseconds instead of
/// probing every user (measured 0.1 ms vs 29 ms on 200,000 users).
/// </summary>
internal sealed class SqliteOptimizer(IServiceScopeFactory scopes) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
            // 0x10002: also analyse tables that have never been analysed (SQLite 3.46+; older versions ignore the bit).
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
