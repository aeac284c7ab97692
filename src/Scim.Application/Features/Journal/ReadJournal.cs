using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Journal;

namespace Scim.Application.Features.Journal;

/// <summary>
/// An organization's journal rows after a sequence number, in sequence order, which is the order their transactions
/// committed (<see cref="IJournalReadBarrier"/>): a reader that asks again from the last number it received gets every row
/// committed since, and none twice (a reader that stops in the middle of a page and asks again from its last number gets
/// the rest: at least once). Rows older than the retention (<see cref="JournalOptions"/>) are gone.
/// </summary>
public static class ReadJournal
{
    /// <summary>The most rows one query returns.</summary>
    public const int MaxLimit = 1_000;

    /// <param name="OrganizationId">Whose journal.</param>
    /// <param name="After">The sequence number to continue after: 0 from the beginning, otherwise the last one received.</param>
    /// <param name="Limit">How many rows at most (1 to <see cref="MaxLimit"/>; beyond, <see cref="MaxLimit"/>).</param>
    public sealed record Query(Guid OrganizationId, long After = 0, int Limit = 100) : IQuery<IReadOnlyList<JournalRow>>;

    internal sealed class Handler(IScimDbContext db, IJournalReadBarrier barrier) : IQueryHandler<Query, IReadOnlyList<JournalRow>>
    {
        public async ValueTask<IReadOnlyList<JournalRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            // Behind the barrier, no row with a number below the page's last can still be committed later.
            await using (await barrier.EnterAsync(db, query.OrganizationId, cancellationToken))
            {
                // The (OrganizationId, Sequence) index gives the page in order, without sorting.
                var entries = await db.Journal.AsNoTracking()
                    .Where(j => j.OrganizationId == query.OrganizationId && j.Sequence > query.After)
                    .OrderBy(j => j.Sequence)
                    .Take(Math.Clamp(query.Limit, 1, MaxLimit))
                    .ToListAsync(cancellationToken);
                return [.. entries.Select(JournalRow.Of)];
            }
        }
    }
}

/// <summary>One journal row as it is read (<see cref="JournalEntry"/>).</summary>
/// <param name="Sequence">Its position in the organization's journal: commit order, with gaps.</param>
/// <param name="TimeUtc">When the request was handled (UTC).</param>
/// <param name="Outcome">Whether it is a committed change or a failed request.</param>
/// <param name="Operation">What the change did, or what the failed request asked for (null for a read or search).</param>
/// <param name="Slice">The operation's slice, e.g. <c>PatchUser</c>.</param>
/// <param name="ResourceType">The resource type changed (or aimed at).</param>
/// <param name="ResourceId">The resource's id, when known.</param>
/// <param name="Version">The resource's version after the change; null for a deletion or a failure.</param>
/// <param name="Attributes">The names of the attributes changed, e.g. <c>["active","emails"]</c>; never their values.</param>
/// <param name="Dialect">The provisioning client's dialect.</param>
/// <param name="KeyId">The API key the request authenticated with.</param>
/// <param name="KeyPrefix">The first characters of that key's token.</param>
/// <param name="KeyLabel">That key's name.</param>
/// <param name="RequestId">The request's id.</param>
/// <param name="Status">A failed request's HTTP status.</param>
/// <param name="ScimType">A failed request's <c>scimType</c>.</param>
/// <param name="Detail">A failed request's <c>detail</c>, shortened, control characters escaped.</param>
public sealed record JournalRow(
    long Sequence,
    DateTime TimeUtc,
    JournalOutcome Outcome,
    JournalOperation? Operation,
    string? Slice,
    JournalResourceType? ResourceType,
    Guid? ResourceId,
    long? Version,
    IReadOnlyList<string> Attributes,
    RequestDialect Dialect,
    Guid? KeyId,
    string? KeyPrefix,
    string? KeyLabel,
    string? RequestId,
    int? Status,
    string? ScimType,
    string? Detail)
{
    internal static JournalRow Of(JournalEntry entry) => new(
        entry.Sequence,
        entry.TimeUtc,
        entry.Status is null ? JournalOutcome.Committed : JournalOutcome.Failed,
        entry.Operation,
        entry.Slice,
        entry.ResourceType,
        entry.ResourceId,
        entry.Version,
        entry.Attributes?.Split(',') ?? [],
        entry.Dialect,
        entry.KeyId,
        entry.KeyPrefix,
        entry.KeyLabel,
        entry.RequestId,
        entry.Status,
        entry.ScimType,
        entry.Detail);
}

/// <summary>What a journal row records.</summary>
public enum JournalOutcome
{
    /// <summary>A change, committed with the row.</summary>
    Committed,

    /// <summary>A request that failed with a SCIM error and changed nothing.</summary>
    Failed,
}
