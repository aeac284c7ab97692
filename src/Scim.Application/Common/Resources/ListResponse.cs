namespace Scim.Application.Common.Resources;

/// <summary>Builds response bodies: one resource, or the ListResponse message (RFC 7644 §3.4.2) of a page of them.</summary>
internal static class ListResponse
{
    /// <summary>A ListResponse of <paramref name="rows"/>, the page starting at 1-based <paramref name="startIndex"/> of <paramref name="totalResults"/> matches.</summary>
    public static ScimBody Create<TRow>(IReadOnlyList<TRow> rows, int totalResults, int startIndex, IResourceRenderer<TRow> renderer) =>
        new ListResponseBody([new ListSection<TRow>(rows, renderer)], totalResults, startIndex, null);

    /// <summary>
    /// The ListResponse of <paramref name="page"/>: with <c>totalResults</c> and <c>startIndex</c> for a page by index
    /// (RFC 7644 §3.4.2.4), with <c>nextCursor</c> (when more follow) and without either for a page by cursor (RFC 9865 §2.2).
    /// </summary>
    public static ScimBody Create<TRow>(ResourcePage<TRow> page, ListQuery query, IResourceRenderer<TRow> renderer) =>
        new ListResponseBody([new ListSection<TRow>(page.Items, renderer)], page.TotalResults, query.ByCursor ? null : query.StartIndex, page.NextCursor);
}
