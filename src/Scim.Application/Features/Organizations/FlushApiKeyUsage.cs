using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Writes the key uses <see cref="ApiKeyUsage"/> has noted since the last flush as <see cref="Domain.Organizations.ApiKey.LastUsedUtc"/>:
/// one UPDATE per distinct minute (one or two when flushed every minute), in one transaction, never moving a value
/// back (another server instance may have written a later minute). Nothing noted, no database access. Uses whose write
/// fails are kept for the next flush, and the failure is thrown.
/// </summary>
public static class FlushApiKeyUsage
{
    /// <summary>Flushes; returns how many keys were written.</summary>
    public sealed record Command : ICommand<int>;

    internal sealed class Handler(IScimDbContext db, ApiKeyUsage usage, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var uses = usage.Take(clock.GetUtcNow());
            if (uses.Count == 0)
            {
                return 0;
            }

            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var group in uses.GroupBy(u => u.MinuteUtc, u => u.KeyId))
                {
                    DateTime? minute = group.Key;
                    var ids = group.ToList();
                    await db.ApiKeys
                        .Where(k => ids.Contains(k.Id) && (k.LastUsedUtc == null || k.LastUsedUtc < minute))
                        .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedUtc, minute), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return uses.Count;
            }
            catch
            {
                usage.Restore(uses);
                throw;
            }
        }
    }
}
