using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;

namespace Scim.Application.Features.Journal;

/// <summary>
/// The sequence number of an organization's last journal row (0 when it has none), read behind the barrier as
/// <see cref="ReadJournal"/> reads: every row committed after this read has a greater number, so reading after it gives
/// exactly what is committed from now on.
/// </summary>
public static class ReadJournalEnd
{
    /// <param name="OrganizationId">Whose journal.</param>
    public sealed record Query(Guid OrganizationId) : IQuery<long>;

    internal sealed class Handler(IScimDbContext db, IJournalReadBarrier barrier) : IQueryHandler<Query, long>
    {
        public async ValueTask<long> Handle(Query query, CancellationToken cancellationToken)
        {
            await using (await barrier.EnterAsync(db, query.OrganizationId, cancellationToken))
            {
                // The last entry of the (OrganizationId, Sequence) index: one row read, whatever the journal's size.
                return await db.Journal.AsNoTracking()
                    .Where(j => j.OrganizationId == query.OrganizationId)
                    .OrderByDescending(j => j.Sequence)
                    .Select(j => j.Sequence)
                    .FirstOrDefaultAsync(cancellationToken);
            }
        }
    }
}
