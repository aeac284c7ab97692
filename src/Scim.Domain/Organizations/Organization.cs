namespace Scim.Domain.Organizations;

/// <summary>A tenant: every SCIM resource and API key belongs to exactly one organization.</summary>
public sealed class Organization
{
    /// <summary>The organization's id.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>A display name, unique among organizations (case-insensitive).</summary>
    public required string Name { get; set; }

    /// <summary>Lower-invariant copy of <see cref="Name"/> backing the unique index.</summary>
    public string NameNormalized { get; private set; } = "";

    /// <summary>When the organization was created (UTC).</summary>
    public DateTime CreatedUtc { get; init; }

    /// <summary>
    /// When the organization's deletion was asked for (UTC), or null while it is in use. From then on its keys are revoked
    /// and its data is being erased in bounded batches; the organization row goes last.
    /// </summary>
    public DateTime? DeletionRequestedUtc { get; init; }

    /// <summary>
    /// The organization's own sustained request rate (requests per second, 1 to 100,000), or null for the deployment's
    /// (<c>Scim:RateLimits:RequestsPerSecond</c>). Set with <see cref="RateLimitBurst"/> or not at all.
    /// </summary>
    public int? RateLimitPerSecond { get; set; }

    /// <summary>How many requests the organization may send at once above its rate (the token bucket's size), or null with <see cref="RateLimitPerSecond"/>.</summary>
    public int? RateLimitBurst { get; set; }

    /// <summary>Keeps <see cref="NameNormalized"/> in step with <see cref="Name"/>.</summary>
    public void Normalize() => NameNormalized = Name.ToLowerInvariant();
}
