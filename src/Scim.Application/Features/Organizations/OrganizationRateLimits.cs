using System.Collections.Concurrent;
using Scim.Domain.Organizations;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Each organization's own rate limit as last read (<see cref="Organization.RateLimitPerSecond"/>,
/// <see cref="Organization.RateLimitBurst"/>), for the rate limiter, which must decide without a database read. It is
/// read again when authentication finds it older than the key cache's lifetime (<c>Scim:ApiKeyCacheSeconds</c>), so a
/// change made through another server instance applies within that time; one made through this instance applies at once.
/// </summary>
public sealed class OrganizationRateLimits(TimeSpan lifetime, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    /// <summary>The organization's own limit (requests per second, burst), or null when it has the deployment's or is not known yet.</summary>
    public (int RequestsPerSecond, int Burst)? Find(Guid organizationId) =>
        entries.TryGetValue(organizationId, out var entry) && entry.RequestsPerSecond is { } rate && entry.Burst is { } burst ? (rate, burst) : null;

    /// <summary>Whether the organization's limit must be read again before the next request is limited.</summary>
    internal bool IsStale(Guid organizationId, out object? current)
    {
        var found = entries.TryGetValue(organizationId, out var entry);
        current = entry;
        return !found || clock.GetUtcNow() - entry!.ReadAt >= lifetime;
    }

    /// <summary>Stores what a read found, unless the organization's limit was stored anew since <paramref name="before"/> (from <see cref="IsStale"/>).</summary>
    internal void Refreshed(Guid organizationId, int? requestsPerSecond, int? burst, object? before)
    {
        var entry = new Entry(requestsPerSecond, burst, clock.GetUtcNow());
        if (before is Entry old)
        {
            entries.TryUpdate(organizationId, entry, old);
        }
        else
        {
            entries.TryAdd(organizationId, entry);
        }
    }

    /// <summary>Stores the limit an administration write just committed, so this instance applies it from the next request.</summary>
    internal void Changed(Organization organization) =>
        entries[organization.Id] = new Entry(organization.RateLimitPerSecond, organization.RateLimitBurst, clock.GetUtcNow());

    private sealed record Entry(int? RequestsPerSecond, int? Burst, DateTimeOffset ReadAt);
}
