namespace Scim.Domain.Organizations;

/// <summary>What an API key may do. Stored as a bit set; written as space-separated words (<c>scim read write</c>).</summary>
[Flags]
public enum ApiKeyScopes
{
    /// <summary>No access.</summary>
    None = 0,

    /// <summary>The SCIM 2.0 endpoints (what an identity provider such as Microsoft Entra ID needs).</summary>
    Scim = 1,

    /// <summary>Read access to the organization's directory outside SCIM.</summary>
    Read = 2,

    /// <summary>Write access to the organization's directory outside SCIM.</summary>
    Write = 4,
}
