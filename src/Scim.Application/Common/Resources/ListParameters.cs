using Scim.Protocol;
namespace Scim.Application.Common.Resources;

/// <summary>
/// Paging of a list or search (RFC 7644 §3.4.2.4): 1-based <see cref="StartIndex"/> and page size <see cref="Count"/>.
/// Values below 1 for startIndex are read as 1; a negative count as 0; count is capped at <see cref="MaxCount"/>.
/// </summary>
public sealed record ListParameters(int StartIndex, int Count)
{
    /// <summary>The page size when the client names none, and the largest page served (ServiceProviderConfig <c>filter.maxResults</c>).</summary>
    public const int MaxCount = 200;

    /// <summary>Builds the parameters from raw query values, or fails with 400 invalidValue for non-integers.</summary>
    public static Result<ListParameters> Parse(string? startIndex, string? count)
    {
        var start = 1;
        if (!string.IsNullOrWhiteSpace(startIndex) && !int.TryParse(startIndex, out start))
        {
            return ScimError.InvalidValue($"startIndex must be an integer, not '{startIndex}'.");
        }

        var size = MaxCount;
        if (!string.IsNullOrWhiteSpace(count) && !int.TryParse(count, out size))
        {
            return ScimError.InvalidValue($"count must be an integer, not '{count}'.");
        }

        return new ListParameters(Math.Max(start, 1), Math.Clamp(size, 0, MaxCount));
    }
}
