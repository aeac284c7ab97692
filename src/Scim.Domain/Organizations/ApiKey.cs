namespace Scim.Domain.Organizations;

/// <summary>
/// A secret bearer token of one organization. Only a SHA-256 hash of the secret is stored: the secret is
/// shown once, at creation. Secrets are 256-bit random values, so a fast hash is enough (no password stretching).
/// </summary>
public sealed class ApiKey
{
    /// <summary>The key's id (shown in listings and used to revoke).</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The owning organization.</summary>
    public Guid OrganizationId { get; init; }

    /// <summary>A label chosen by the owner, e.g. <c>entra-provisioning</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The first characters of the token, safe to display so a person can tell keys apart.</summary>
    public required string Prefix { get; init; }

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public required string SecretHash { get; init; }

    /// <summary>What the key may do.</summary>
    public ApiKeyScopes Scopes { get; init; }

    /// <summary>When the key was created (UTC).</summary>
    public DateTime CreatedUtc { get; init; }

    /// <summary>When the key was revoked (UTC), or null while it is valid.</summary>
    public DateTime? RevokedUtc { get; set; }

    /// <summary>When the key stops working (UTC), or null when it never expires.</summary>
    public DateTime? ExpiresUtc { get; init; }

    /// <summary>
    /// The minute (UTC, seconds zero) in which the key was last used, or null when it never was. Written coarsely: at most
    /// once a minute per key, some time after the use (see the server's <c>Scim:ApiKeys:LastUsedFlushInterval</c>).
    /// </summary>
    public DateTime? LastUsedUtc { get; init; }

    /// <summary>True when the key has an expiry and <paramref name="utcNow"/> is at or past it.</summary>
    public bool HasExpiredAt(DateTime utcNow) => ExpiresUtc <= utcNow;
}
