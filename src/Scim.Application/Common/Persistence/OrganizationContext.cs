namespace Scim.Application.Common.Persistence;

/// <summary>
/// The organization of the current request (scoped), set once from the authenticated API key.
/// Every query on organization-owned data is filtered by it.
/// </summary>
public sealed class OrganizationContext
{
    /// <summary>The caller's organization; <see cref="Guid.Empty"/> outside an authenticated request.</summary>
    public Guid OrganizationId { get; set; }
}
