using System.Threading.RateLimiting;
using Scim.Application.Common.Persistence;
using Scim.Protocol;

namespace Scim.Application.Common.Limits;

/// <summary>
/// How much expensive work each organization may have running at once (<c>Scim:RateLimits:ExpensiveConcurrency</c>,
/// <c>ExpensiveQueue</c>, <c>ExpensiveQueueSeconds</c>), so one organization cannot take every core: a request beyond
/// the permits waits in the organization's queue, at most <see cref="QueueTimeout"/>, and is answered 503 Service
/// Unavailable with <c>Retry-After</c> when the queue is full or the wait ends first.
/// </summary>
/// <param name="Permits">Expensive requests of one organization that may run at once; at least 1.</param>
/// <param name="Queue">Expensive requests of one organization that may wait for a permit; 0 refuses at once.</param>
/// <param name="QueueTimeout">The longest a request waits in the queue; positive.</param>
/// <param name="Enabled">Whether the limit applies (<c>Scim:RateLimits:Enabled</c>).</param>
public sealed record ExpensiveWorkLimits(int Permits, int Queue, TimeSpan QueueTimeout, bool Enabled)
{
    /// <summary>The default permits per organization: half the processor count, at least 1.</summary>
    public static int DefaultPermits => Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>No limit: the server's work outside a web host (the administration commands).</summary>
    public static ExpensiveWorkLimits Off { get; } = new(DefaultPermits, 4, TimeSpan.FromSeconds(5), Enabled: false);
}

/// <summary>
/// The gate of <see cref="ExpensiveWorkLimits"/>: a <see cref="ConcurrencyLimiter"/> per organization (one
/// <see cref="PartitionedRateLimiter{TResource}"/> over the organization's id), shared by the whole server.
/// </summary>
public sealed class ExpensiveWorkGate(ExpensiveWorkLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> limiter = PartitionedRateLimiter.Create<Guid, Guid>(organization =>
        RateLimitPartition.GetConcurrencyLimiter(organization, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.Permits,
            QueueLimit = limits.Queue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    /// <summary>The limits the gate applies.</summary>
    public ExpensiveWorkLimits Limits => limits;

    /// <summary>A permit of <paramref name="organization"/>, waiting at most <see cref="ExpensiveWorkLimits.QueueTimeout"/>; null when refused.</summary>
    internal async ValueTask<RateLimitLease?> AcquireAsync(Guid organization, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(limits.QueueTimeout);
        try
        {
            var lease = await limiter.AcquireAsync(organization, 1, wait.Token);
            if (lease.IsAcquired)
            {
                return lease;
            }

            lease.Dispose();
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => limiter.Dispose();
}

/// <summary>
/// Told of each request that has entered the expensive-work gate, while it holds its permit. The server registers none;
/// a test registers one to hold a permit as long as it needs.
/// </summary>
public interface IExpensiveWorkWatcher
{
    /// <summary>Called once per request, right after its permit was granted; the request goes on when the task ends.</summary>
    ValueTask EnteredAsync(Guid organization, CancellationToken cancellationToken);
}

/// <summary>
/// The request's share of <see cref="ExpensiveWorkGate"/> (scoped): the one place a request takes a permit of its
/// organization's expensive work. What is expensive is decided where it becomes known: a list whose filter is costly
/// (<see cref="Scim.Filtering.Ast.FilterCost"/>) or any search (the list path), a bulk request or a large PATCH (their
/// handlers), a body over 64 KiB (the body reader). The permit is taken once and held until the request ends (its
/// answer written), so a bulk request's operations or a search's two resource types never wait on their own request.
/// Cheap requests never take one, so never wait behind expensive ones.
/// </summary>
public sealed class ExpensiveWork(ExpensiveWorkGate gate, OrganizationContext organization, IEnumerable<IExpensiveWorkWatcher> watchers) : IDisposable
{
    /// <summary>The most values (operations, and the elements of array values) a PATCH may have and still be cheap (1,000).</summary>
    public const int MaxCheapPatchValues = 1_000;

    private RateLimitLease? lease;

    /// <summary>
    /// Takes a permit of the caller's organization unless the request holds one already, waiting in the organization's
    /// queue at most <see cref="ExpensiveWorkLimits.QueueTimeout"/>; nothing when the limit is off or the request has no
    /// organization.
    /// </summary>
    /// <returns>
    /// Null when the request may go on; otherwise 503 (no <c>scimType</c>) with <see cref="ScimError.RetryAfter"/>, and a
    /// detail saying what to do, to send as the answer.
    /// </returns>
    public async ValueTask<ScimError?> EnterAsync(CancellationToken cancellationToken)
    {
        var limits = gate.Limits;
        if (lease is not null || !limits.Enabled || organization.OrganizationId == Guid.Empty)
        {
            return null;
        }

        lease = await gate.AcquireAsync(organization.OrganizationId, cancellationToken);
        if (lease is null)
        {
            ScimMetrics.RateLimitRejections.Add(1,
                new KeyValuePair<string, object?>("scim.organization", organization.OrganizationId.ToString()),
                new KeyValuePair<string, object?>(ScimMetrics.RateLimitTag, "expensive_work"));
            var seconds = Math.Max(1, (int)Math.Ceiling(limits.QueueTimeout.TotalSeconds));
            return new ScimError(503, null,
                $"This organization has too many expensive requests running ({limits.Permits:N0} at once, {limits.Queue:N0} waiting): searches, filters "
                + $"with 'co', 'ew', 'ne', 'pr', 'not' or more than {Scim.Filtering.Ast.FilterCost.MaxCheapClauses} clauses, bulk requests, PATCHes of more than "
                + $"{MaxCheapPatchValues:N0} values and bodies over 64 KiB. Retry after {seconds} seconds (Retry-After), narrow the filter ('eq' or 'sw' "
                + "on userName, externalId, id or displayName), or send smaller batches.")
            {
                RetryAfter = limits.QueueTimeout,
            };
        }

        foreach (var watcher in watchers)
        {
            await watcher.EnteredAsync(organization.OrganizationId, cancellationToken);
        }

        return null;
    }

    /// <summary>Whether a PATCH of <paramref name="request"/> is expensive: more than <see cref="MaxCheapPatchValues"/> values.</summary>
    public static bool IsExpensive(Scim.Protocol.Patching.PatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = 0;
        foreach (var operation in request.Operations ?? [])
        {
            values += operation?.Value is System.Text.Json.Nodes.JsonArray array ? Math.Max(1, array.Count) : 1;
        }

        return values > MaxCheapPatchValues;
    }

    /// <summary>Releases the permit.</summary>
    public void Dispose() => lease?.Dispose();
}
