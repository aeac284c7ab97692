namespace Scim.Application.Common.Resources;

/// <summary>Builds response bodies: one resource, or the ListResponse message (RFC 7644 §3.4.2) of a page of them.</summary>
internal static class ListResponse
{
    /// <summary>A ListResponse of <paramref name="rows"/>, the page starting at 1-based <paramref name="startIndex"/> of <paramref name="totalResults"/> matches.</summary>
    public static ScimBody Create<TRow>(IReadOnlyList<TRow> rows, int totalResults, int startIndex, IResourceRenderer<TRow> renderer) =>
        new ListResponseBody<TRow>(rows, totalResults, startIndex, renderer);
}
