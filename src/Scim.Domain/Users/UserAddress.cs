namespace Scim.Domain.Users;

/// <summary>One element of <c>addresses</c> (RFC 7643 §4.1.2).</summary>
public sealed class UserAddress
{
    /// <summary>Database key of the row (not a SCIM attribute).</summary>
    public long Id { get; init; }

    /// <summary>The owning organization (the user's).</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The <see cref="User.Id"/> of the owning user.</summary>
    public Guid UserId { get; set; }

    /// <summary>Position in the array as sent.</summary>
    public int Ordinal { get; set; }

    /// <summary><c>addresses.formatted</c> (RFC 7643 §4.1.2): the full mailing address.</summary>
    public string? Formatted { get; set; }
    /// <summary><c>addresses.streetAddress</c> (RFC 7643 §4.1.2).</summary>
    public string? StreetAddress { get; set; }
    /// <summary><c>addresses.locality</c> (RFC 7643 §4.1.2): city or locality.</summary>
    public string? Locality { get; set; }
    /// <summary><c>addresses.region</c> (RFC 7643 §4.1.2): state or region.</summary>
    public string? Region { get; set; }
    /// <summary><c>addresses.postalCode</c> (RFC 7643 §4.1.2).</summary>
    public string? PostalCode { get; set; }
    /// <summary><c>addresses.country</c> (RFC 7643 §4.1.2): ISO 3166-1 alpha-2 code, stored as sent.</summary>
    public string? Country { get; set; }
    /// <summary><c>addresses.type</c> (RFC 7643 §4.1.2), e.g. <c>work</c> or <c>home</c>.</summary>
    public string? Type { get; set; }
    /// <summary><c>primary</c> as sent: true, false or absent.</summary>
    public bool? Primary { get; set; }
}
