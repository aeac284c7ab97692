namespace Scim.Domain.Organizations;

/// <summary>
/// What an API key may do. Stored as a bit set; written as space-separated words (<c>scim read write admin</c>). A key
/// with several scopes may do what each of them allows.
/// </summary>
[Flags]
public enum ApiKeyScopes
{
    /// <summary>No access.</summary>
    None = 0,

    /// <summary>Every SCIM 2.0 endpoint and method: what an identity provider such as Microsoft Entra ID needs.</summary>
    Scim = 1,

    /// <summary>
    /// The SCIM reads: GET of users, groups, the root and the discovery endpoints, and POST of <c>/.search</c> (e.g. an
    /// internal reporting service).
    /// </summary>
    Read = 2,

    /// <summary>
    /// The SCIM writes: POST, PUT, PATCH and DELETE of users and groups and POST <c>/Bulk</c>, each answered with the
    /// resource it wrote, and GET of the discovery endpoints; no other reads.
    /// </summary>
    Write = 4,

    /// <summary>The organization's own administration API (<c>/admin</c>); no SCIM endpoint.</summary>
    Admin = 8,
}
