namespace Scim.Domain.Users;

/// <summary>
/// One element of a multi-valued attribute of the shape <c>{value, display, type, primary}</c>
/// (RFC 7643 §4.1.2: emails, phoneNumbers, ims, photos, entitlements, roles, x509Certificates).
/// </summary>
public sealed class UserValue
{
    /// <summary>Database key of the row (not a SCIM attribute).</summary>
    public long Id { get; init; }

    /// <summary>The owning organization (the user's), so element queries are scoped like every other.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The <see cref="User.Id"/> of the owning user.</summary>
    public Guid UserId { get; set; }

    /// <summary>The attribute name as in the schema, e.g. <c>emails</c>.</summary>
    public string Attribute { get; set; } = "";

    /// <summary>Position in the array as sent.</summary>
    public int Ordinal { get; set; }

    /// <summary>The element's <c>value</c> (RFC 7643 §2.4), stored as sent, e.g. an email address.</summary>
    public string? Value { get; set; }

    /// <summary>Lower-invariant copy of <see cref="Value"/> for case-insensitive filters (<c>emails.value</c> is caseExact false).</summary>
    public string? ValueNormalized { get; private set; }

    /// <summary>The element's <c>display</c> (RFC 7643 §2.4): a human-readable name.</summary>
    public string? Display { get; set; }
    /// <summary>The element's <c>type</c> (RFC 7643 §2.4), e.g. <c>work</c>.</summary>
    public string? Type { get; set; }
    /// <summary><c>primary</c> as sent: true, false or absent (Entra compares what it sent with what it reads back).</summary>
    public bool? Primary { get; set; }

    /// <summary>Keeps <see cref="ValueNormalized"/> in step with <see cref="Value"/>.</summary>
    public void Normalize() => ValueNormalized = Value?.ToLowerInvariant();
}
