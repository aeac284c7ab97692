using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace Scim.Api.Cli;

/// <summary>
/// Reads <c>keys create --expires</c>: an ISO 8601 date or time (<c>2027-01-31</c>, <c>2027-01-31T12:00</c>,
/// <c>2027-01-31T12:00:00+02:00</c>; without an offset, UTC; a date alone is its midnight UTC) or a time from now
/// (<c>90d</c>, <c>2w</c>, <c>12h</c>, <c>30m</c>, or an ISO 8601 duration such as <c>P90D</c> or <c>PT12H</c>).
/// </summary>
internal static partial class KeyExpiry
{
    /// <summary>What <c>--expires</c> accepts, for its help and its error.</summary>
    public const string Forms = "an ISO 8601 date or time (2027-01-31, 2027-01-31T12:00:00Z; UTC unless an offset is given) or a time from now (90d, 2w, 12h, 30m, P90D)";

    /// <summary>The moment <paramref name="text"/> names, durations counted from <paramref name="now"/>; null when it is none of the forms.</summary>
    public static DateTimeOffset? Parse(string text, DateTimeOffset now)
    {
        text = text.Trim();
        if (Relative().Match(text) is { Success: true } relative
            && int.TryParse(relative.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return relative.Groups[2].Value.ToLowerInvariant() switch
            {
                "w" => now.AddDays(7.0 * count),
                "d" => now.AddDays(count),
                "h" => now.AddHours(count),
                _ => now.AddMinutes(count),
            };
        }

        if (text.StartsWith('P'))
        {
            try
            {
                return now + XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                return null;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        return Absolute().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment
            : null;
    }

    [GeneratedRegex("^([0-9]{1,6})([wdhm])$", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$")]
    private static partial Regex Absolute();
}
