namespace Scim.Domain.Users;

/// <summary>One element of <c>addresses</c> (RFC 7643 §4.1.2).</summary>
public sealed class UserAddress
{
    public long Id { get; init; }

    /// <summary>The owning organization (the user's).</summary>
    public Guid OrganizationId { get; set; }

    public Guid UserId { get; init; }

    /// <summary>Position in the array as sent.</summary>
    public int Ordinal { get; set; }

    public string? Formatted { get; set; }
    public string? StreetAddress { get; set; }
    public string? Locality { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public string? Type { get; set; }
    /// <summary><c>primary</c> as sent: true, false or absent.</summary>
    public bool? Primary { get; set; }
}
