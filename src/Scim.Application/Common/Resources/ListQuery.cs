using System.Globalization;
using Scim.Protocol;
using Scim.Protocol.Projection;

namespace Scim.Application.Common.Resources;

/// <summary>
/// One list or search request, whichever way it came (<c>GET /Users</c>, <c>POST /Users/.search</c>, the same for
/// groups, or the root search): the filter (RFC 7644 §3.4.2.2), the sort (§3.4.2.3), the page — by index (§3.4.2.4)
/// or by cursor (RFC 9865 §2) — and the projection (§3.4.2.5).
/// </summary>
/// <param name="Filter">The filter, or null for every resource.</param>
/// <param name="SortBy">The attribute path to sort by, or null for the server's order (creation, then id).</param>
/// <param name="Descending">Whether <c>sortOrder</c> is <c>descending</c>.</param>
/// <param name="StartIndex">The 1-based index of the first result of an index page; 1 for a cursor page.</param>
/// <param name="Count">The page size, 0 to <see cref="MaxCount"/>.</param>
/// <param name="Cursor">Null for index paging; empty for the first page by cursor; otherwise the <c>nextCursor</c> of the page before.</param>
/// <param name="Projection">The attributes / excludedAttributes parameters.</param>
public sealed record ListQuery(
    string? Filter, string? SortBy, bool Descending, int StartIndex, int Count, string? Cursor, AttributeProjection Projection)
{
    /// <summary>The page size when the client names none, and the largest page served (<c>filter.maxResults</c>, <c>pagination.maxPageSize</c>).</summary>
    public const int MaxCount = 200;

    /// <summary>Whether the page is asked for by cursor (RFC 9865) rather than by index.</summary>
    public bool ByCursor => Cursor is not null;

    /// <summary>
    /// Whether the request is a search (<c>POST /.search</c>, RFC 7644 §3.4.3, or a search of the root), which is
    /// expensive work (<see cref="Limits.ExpensiveWork"/>) whatever its filter.
    /// </summary>
    public bool Search { get; init; }

    /// <summary>
    /// Whether an attribute the resource type does not have is unassigned in the filter (its comparisons false) rather
    /// than <c>invalidFilter</c>: the case of a search of the root across resource types (RFC 7644 §3.4.2.2, §3.4.3).
    /// </summary>
    public bool OtherTypesAttributesUnassigned { get; init; }

    /// <summary>
    /// Validates the raw parameters: <paramref name="startIndex"/> and <paramref name="count"/> must be integers (below 1
    /// reads as 1, a negative count as 0, a count above <see cref="MaxCount"/> as <see cref="MaxCount"/>);
    /// <paramref name="sortOrder"/> is <c>ascending</c> (the default) or <c>descending</c>, in any case; a cursor and a
    /// startIndex together are refused, as they name two different pages.
    /// </summary>
    /// <returns>The query, or 400 <c>invalidValue</c> naming the parameter.</returns>
    public static Result<ListQuery> Create(
        string? filter, string? sortBy, string? sortOrder, string? startIndex, string? count, string? cursor, AttributeProjection projection)
    {
        var start = string.IsNullOrWhiteSpace(startIndex) ? 1 : ParseInteger(nameof(startIndex), startIndex);
        if (!start.IsSuccess)
        {
            return start.Error;
        }

        var size = string.IsNullOrWhiteSpace(count) ? MaxCount : ParseInteger(nameof(count), count);
        if (!size.IsSuccess)
        {
            return size.Error;
        }

        bool descending;
        if (string.IsNullOrEmpty(sortOrder) || string.Equals(sortOrder, "ascending", StringComparison.OrdinalIgnoreCase))
        {
            descending = false;
        }
        else if (string.Equals(sortOrder, "descending", StringComparison.OrdinalIgnoreCase))
        {
            descending = true;
        }
        else
        {
            return ScimError.InvalidValue($"sortOrder must be 'ascending' or 'descending', not '{sortOrder}'.");
        }

        if (cursor is not null && size.Value < 1)
        {
            return ScimError.InvalidValue(
                $"count must be at least 1 when paging by cursor, not {size.Value}: an empty page cannot tell where the next one starts.");
        }

        if (cursor is not null && !string.IsNullOrWhiteSpace(startIndex))
        {
            return ScimError.InvalidValue(
                "startIndex and cursor cannot be used together: page by index with startIndex, or by cursor with cursor (empty for the first page), not both.");
        }

        return new ListQuery(
            string.IsNullOrWhiteSpace(filter) ? null : filter,
            string.IsNullOrWhiteSpace(sortBy) ? null : sortBy.Trim(),
            descending,
            Math.Max(start.Value, 1),
            Math.Clamp(size.Value, 0, MaxCount),
            cursor?.Trim(),
            projection);
    }

    /// <summary>
    /// Reads <c>startIndex</c> or <c>count</c> (<paramref name="name"/>) from its text, a query parameter's value or a
    /// SearchRequest's number as written: an integer of any size, beyond <see cref="int"/>'s range read as its bound,
    /// which <see cref="Create"/> then clamps to the range it serves (a startIndex past every result is an empty page, a
    /// count above <see cref="MaxCount"/> is <see cref="MaxCount"/>) rather than a "not an integer" that would be false.
    /// </summary>
    /// <returns>The integer, or 400 <c>invalidValue</c> naming the parameter for text that is no integer (<c>1.5</c>, <c>1e3</c>).</returns>
    public static Result<int> ParseInteger(string name, string text)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (!System.Numerics.BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var big))
        {
            return ScimError.InvalidValue($"{name} must be an integer, not '{text}'.");
        }

        return big.Sign < 0 ? int.MinValue : int.MaxValue;
    }
}
