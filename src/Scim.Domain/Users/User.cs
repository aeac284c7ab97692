namespace Scim.Domain.Users;

/// <summary>
/// A SCIM User (RFC 7643 §4.1) with the enterprise extension (§4.3). Single-valued attributes are columns
/// (complex ones flattened: <c>name.givenName</c> → <see cref="NameGivenName"/>) so SQL can filter on them;
/// multi-valued ones are rows of <see cref="Values"/> and <see cref="Addresses"/>. Values are stored exactly
/// as sent; the <c>*Normalized</c> columns hold lower-invariant copies for case-insensitive unique indexes and filters.
/// </summary>
public sealed class User : IScimResource
{
    /// <summary>
    /// The server-assigned SCIM <c>id</c>: a version-7 GUID (RFC 9562 §5.7), so ids ascend with creation time. Rows and
    /// index entries of resources created together are then neighbours: a walk in creation order reads each page's
    /// group memberships from a few index pages instead of one page per resource, and inserts append to the indexes.
    /// </summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The owning organization.</summary>
    public Guid OrganizationId { get; init; }

    /// <summary><c>userName</c>: unique per organization, case-insensitive.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Lower-invariant copy of <see cref="UserName"/>.</summary>
    public string UserNameNormalized { get; private set; } = "";

    /// <summary><c>externalId</c> (case-exact).</summary>
    public string? ExternalId { get; set; }

    /// <summary>
    /// <c>active</c> (RFC 7643 §4.1.1): false means deprovisioned (soft-deleted) but still readable; null means
    /// unassigned (RFC 7643 §2.5: removed by a PATCH, or left out of a PUT), which is not active either.
    /// </summary>
    public bool? Active { get; set; }

    /// <summary><c>displayName</c> (RFC 7643 §4.1.1), stored as sent.</summary>
    public string? DisplayName { get; set; }
    /// <summary>Lower-invariant copy of <see cref="DisplayName"/> for case-insensitive filters.</summary>
    public string? DisplayNameNormalized { get; private set; }
    /// <summary><c>nickName</c> (RFC 7643 §4.1.1).</summary>
    public string? NickName { get; set; }
    /// <summary><c>profileUrl</c> (RFC 7643 §4.1.1): a URI, stored as sent.</summary>
    public string? ProfileUrl { get; set; }
    /// <summary><c>title</c> (RFC 7643 §4.1.1).</summary>
    public string? Title { get; set; }
    /// <summary><c>userType</c> (RFC 7643 §4.1.1), e.g. <c>Employee</c>.</summary>
    public string? UserType { get; set; }
    /// <summary><c>preferredLanguage</c> (RFC 7643 §4.1.1): an HTTP Accept-Language value such as <c>en-US</c>.</summary>
    public string? PreferredLanguage { get; set; }
    /// <summary><c>locale</c> (RFC 7643 §4.1.1): a language tag such as <c>en-US</c>.</summary>
    public string? Locale { get; set; }
    /// <summary><c>timezone</c> (RFC 7643 §4.1.1): an IANA time zone name such as <c>America/Los_Angeles</c>.</summary>
    public string? Timezone { get; set; }

    /// <summary>PBKDF2 hash of the write-only <c>password</c>, never returned; null or empty when the user has none.</summary>
    public string? PasswordHash { get; set; }

    /// <summary><c>name.formatted</c> (RFC 7643 §4.1.1).</summary>
    public string? NameFormatted { get; set; }
    /// <summary><c>name.familyName</c> (RFC 7643 §4.1.1).</summary>
    public string? NameFamilyName { get; set; }
    /// <summary><c>name.givenName</c> (RFC 7643 §4.1.1).</summary>
    public string? NameGivenName { get; set; }
    /// <summary><c>name.middleName</c> (RFC 7643 §4.1.1).</summary>
    public string? NameMiddleName { get; set; }
    /// <summary><c>name.honorificPrefix</c> (RFC 7643 §4.1.1).</summary>
    public string? NameHonorificPrefix { get; set; }
    /// <summary><c>name.honorificSuffix</c> (RFC 7643 §4.1.1).</summary>
    public string? NameHonorificSuffix { get; set; }

    /// <summary>Enterprise <c>employeeNumber</c> (RFC 7643 §4.3).</summary>
    public string? EmployeeNumber { get; set; }
    /// <summary>Enterprise <c>costCenter</c> (RFC 7643 §4.3).</summary>
    public string? CostCenter { get; set; }
    /// <summary>Enterprise <c>organization</c> (RFC 7643 §4.3); not the tenant (<see cref="OrganizationId"/>).</summary>
    public string? Organization { get; set; }
    /// <summary>Enterprise <c>division</c> (RFC 7643 §4.3).</summary>
    public string? Division { get; set; }
    /// <summary>Enterprise <c>department</c> (RFC 7643 §4.3).</summary>
    public string? Department { get; set; }

    /// <summary>The enterprise <c>manager.value</c>: another user of the same organization.</summary>
    public Guid? ManagerId { get; set; }

    /// <summary>The manager, when loaded.</summary>
    public User? Manager { get; set; }

    /// <summary>emails, phoneNumbers, ims, photos, entitlements, roles and x509Certificates.</summary>
    public List<UserValue> Values { get; init; } = [];

    /// <summary>addresses.</summary>
    public List<UserAddress> Addresses { get; init; } = [];

    /// <summary><c>meta.created</c> (RFC 7643 §3.1), UTC.</summary>
    public DateTime CreatedUtc { get; set; }
    /// <summary><c>meta.lastModified</c> (RFC 7643 §3.1), UTC, updated on every change.</summary>
    public DateTime LastModifiedUtc { get; set; }

    /// <summary>
    /// Starts at 1 and grows by one with every committed change of the resource: writes are conditional on the
    /// version they read, so concurrent changes never overwrite each other.
    /// </summary>
    public long Version { get; set; } = 1;

    /// <summary>
    /// The user's own attributes as SCIM JSON, UTF-8, written with the columns in the same statement so the two never
    /// disagree; reads send it instead of rebuilding it from the rows. What the server assigns or derives at read
    /// time (<c>schemas</c>, <c>id</c>, <c>meta</c>, <c>groups</c>, <c>manager</c>) is not in it.
    /// </summary>
    public byte[] Document { get; set; } = [];

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
