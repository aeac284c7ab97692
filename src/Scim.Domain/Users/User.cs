namespace Scim.Domain.Users;

/// <summary>
/// A SCIM User (RFC 7643 §4.1) with the enterprise extension (§4.3). Single-valued attributes are columns
/// (complex ones flattened: <c>name.givenName</c> → <see cref="NameGivenName"/>) so SQL can filter on them;
/// multi-valued ones are rows of <see cref="Values"/> and <see cref="Addresses"/>. Values are stored exactly
/// as sent; the <c>*Normalized</c> columns hold lower-invariant copies for case-insensitive unique indexes and filters.
/// </summary>
public sealed class User : IScimResource
{
    /// <summary>The server-assigned SCIM <c>id</c>.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The owning organization.</summary>
    public Guid OrganizationId { get; init; }

    /// <summary><c>userName</c>: unique per organization, case-insensitive.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Lower-invariant copy of <see cref="UserName"/>.</summary>
    public string UserNameNormalized { get; private set; } = "";

    /// <summary><c>externalId</c> (case-exact).</summary>
    public string? ExternalId { get; set; }

    /// <summary><c>active</c>; false means deprovisioned (soft-deleted) but still readable.</summary>
    public bool Active { get; set; } = true;

    public string? DisplayName { get; set; }
    public string? DisplayNameNormalized { get; private set; }
    public string? NickName { get; set; }
    public string? ProfileUrl { get; set; }
    public string? Title { get; set; }
    public string? UserType { get; set; }
    public string? PreferredLanguage { get; set; }
    public string? Locale { get; set; }
    public string? Timezone { get; set; }

    /// <summary>PBKDF2 hash of the write-only <c>password</c>, never returned.</summary>
    public string? PasswordHash { get; set; }

    public string? NameFormatted { get; set; }
    public string? NameFamilyName { get; set; }
    public string? NameGivenName { get; set; }
    public string? NameMiddleName { get; set; }
    public string? NameHonorificPrefix { get; set; }
    public string? NameHonorificSuffix { get; set; }

    public string? EmployeeNumber { get; set; }
    public string? CostCenter { get; set; }
    public string? Organization { get; set; }
    public string? Division { get; set; }
    public string? Department { get; set; }

    /// <summary>The enterprise <c>manager.value</c>: another user of the same organization.</summary>
    public Guid? ManagerId { get; set; }

    /// <summary>The manager, when loaded.</summary>
    public User? Manager { get; set; }

    /// <summary>emails, phoneNumbers, ims, photos, entitlements, roles and x509Certificates.</summary>
    public List<UserValue> Values { get; init; } = [];

    /// <summary>addresses.</summary>
    public List<UserAddress> Addresses { get; init; } = [];

    public DateTime CreatedUtc { get; set; }
    public DateTime LastModifiedUtc { get; set; }

    /// <summary>Keeps the normalized copies in step with the values they index.</summary>
    public void Normalize()
    {
        UserNameNormalized = UserName.ToLowerInvariant();
        DisplayNameNormalized = DisplayName?.ToLowerInvariant();
        foreach (var value in Values)
        {
            value.Normalize();
        }
    }
}
