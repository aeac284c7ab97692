namespace Scim.Application.Common.Resources;

/// <summary>
/// How lists are paged, bound from the <c>Scim:Pagination</c> settings and advertised as ServiceProviderConfig
/// <c>pagination</c> (RFC 9865 §3).
/// </summary>
public sealed class PaginationOptions
{
    /// <summary>How long a cursor keeps working after it was issued, in seconds (<c>Scim:Pagination:CursorTimeout</c>; default 3,600).</summary>
    public int CursorTimeout { get; set; } = 3_600;
}
