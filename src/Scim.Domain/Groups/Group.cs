namespace Scim.Domain.Groups;

/// <summary>
/// A SCIM Group (RFC 7643 §4.2), a team of the organization. Members are rows of <see cref="GroupMember"/>,
/// never a serialized list, so groups of 100,000+ members are changed one row at a time.
/// </summary>
public sealed class Group : IScimResource
{
    /// <summary>
    /// The server-assigned SCIM <c>id</c>: a version-7 GUID (RFC 9562 §5.7), so ids ascend with creation time. Rows and
    /// index entries of resources created together are then neighbours: a walk in creation order reads each page's
    /// group memberships from a few index pages instead of one page per resource, and inserts append to the indexes.
    /// </summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The owning organization.</summary>
    public Guid OrganizationId { get; init; }

    /// <summary><c>displayName</c>: unique per organization, case-insensitive (Entra matches groups on it).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Lower-invariant copy of <see cref="DisplayName"/>.</summary>
    public string DisplayNameNormalized { get; private set; } = "";

    /// <summary><c>externalId</c> (case-exact).</summary>
    public string? ExternalId { get; set; }

    /// <summary>The membership rows; used for filtering (<c>members.value</c>), never loaded whole by default.</summary>
    public List<GroupMember> Members { get; init; } = [];

    /// <summary><c>meta.created</c> (RFC 7643 §3.1), UTC.</summary>
    public DateTime CreatedUtc { get; set; }
    /// <summary><c>meta.lastModified</c> (RFC 7643 §3.1), UTC, updated on every change.</summary>
    public DateTime LastModifiedUtc { get; set; }

    /// <summary>
    /// Starts at 1 and grows by one with every committed change of the group, its members included: writes are
    /// conditional on the version they read, so concurrent changes never overwrite each other.
    /// </summary>
    public long Version { get; set; } = 1;

    /// <summary>Keeps <see cref="DisplayNameNormalized"/> in step with <see cref="DisplayName"/>.</summary>
    public void Normalize() => DisplayNameNormalized = DisplayName.ToLowerInvariant();
}
