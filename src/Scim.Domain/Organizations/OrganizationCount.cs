namespace Scim.Domain.Organizations;

/// <summary>
/// How many users and groups an organization has, kept by the database itself (triggers on <c>users</c> and
/// <c>groups</c>, so every path that adds or removes rows — requests, Bulk, the seeder, cascades — counts), so an
/// unfiltered list knows its <c>totalResults</c> (RFC 7644 §3.4.2.4) without counting a million rows. An organization
/// has one row per slot: PostgreSQL spreads concurrent transactions over several slots so they do not queue on one row;
/// SQLite, with one writer, uses slot 0. The organization's figures are the sums over its slots.
/// </summary>
public sealed class OrganizationCount
{
    /// <summary>The organization counted.</summary>
    public Guid OrganizationId { get; init; }

    /// <summary>The slot (0 on SQLite; 0–15 on PostgreSQL, by server process).</summary>
    public int Slot { get; init; }

    /// <summary>Users added less users removed through this slot (may be negative in one slot; the sum is the count).</summary>
    public long Users { get; init; }

    /// <summary>Users added plus users removed through this slot: the sum changes whenever any user's position in the creation order can.</summary>
    public long UserChanges { get; init; }

    /// <summary>Groups added less groups removed through this slot.</summary>
    public long Groups { get; init; }

    /// <summary>Groups added plus groups removed through this slot.</summary>
    public long GroupChanges { get; init; }
}
