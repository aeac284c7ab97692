namespace Scim.Application.Common.Resources;

/// <summary>
/// How lists are paged, bound from the <c>Scim:Pagination</c> settings and advertised as ServiceProviderConfig
/// <c>pagination</c> (RFC 9865 §3), and how deep index pages are found.
/// </summary>
public sealed class PaginationOptions
{
    /// <summary>How long a cursor keeps working after it was issued, in seconds (<c>Scim:Pagination:CursorTimeout</c>; default 3,600).</summary>
    public int CursorTimeout { get; set; } = 3_600;

    /// <summary>
    /// How many resources lie between two of the creation-order marks that deep <c>startIndex</c> pages of unfiltered
    /// lists start from (<c>Scim:Pagination:MarkStride</c>; default 4,096): the most such a page skips, against one
    /// mark (about 60 bytes) kept in memory per stride of each organization's users and groups.
    /// </summary>
    public int MarkStride { get; set; } = 4_096;
}
