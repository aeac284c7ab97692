namespace Scim.Filtering.Tests.Translation;

/// <summary>A user row shaped like the columns the server stores for SCIM users.</summary>
public sealed class TestUser
{
    public Guid Id { get; set; }

    public string UserName { get; set; } = string.Empty;

    /// <summary>UserName.ToLowerInvariant(), for index-friendly case-insensitive comparison.</summary>
    public string UserNameNormalized { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    public string? Title { get; set; }

    public string? GivenName { get; set; }

    public string? ExternalId { get; set; }

    public bool Active { get; set; }

    public bool? IsContractor { get; set; }

    public DateTime LastModified { get; set; }

    public string? EmployeeNumber { get; set; }

    public Guid? ManagerId { get; set; }

    public List<TestEmail> Emails { get; set; } = [];
}
