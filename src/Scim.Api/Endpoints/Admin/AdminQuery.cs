using System.Globalization;
using System.Xml;
using Scim.Application.Features.Journal;
using Scim.Domain.Journal;
using Scim.Protocol;

namespace Scim.Api.Endpoints.Admin;

/// <summary>
/// Reads the query parameters of the administration endpoints, each bad value a 400 <c>invalidValue</c> naming the
/// parameter and what it takes (instead of the framework's bodiless 400).
/// </summary>
internal static class AdminQuery
{
    /// <summary><c>count</c>: a whole number from 1 to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public static Result<int> Count(string? value, int fallback, int max) =>
        value is null ? fallback
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 && count <= max ? count
        : ScimError.InvalidValue($"count must be a whole number from 1 to {max}; it was '{value}'.");

    /// <summary>An ISO 8601 time (<c>2026-12-05T10:00:00Z</c>; UTC unless it has an offset), as UTC; null when absent.</summary>
    public static Result<DateTime?> Time(string name, string? value) =>
        value is null ? (DateTime?)null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.UtcDateTime
        : ScimError.InvalidValue($"{name} must be an ISO 8601 time such as 2026-12-05T10:00:00Z; it was '{value}'.");

    /// <summary>An ISO 8601 duration (<c>PT10M</c>, <c>PT1H30M</c>), or <paramref name="fallback"/> when absent (its range is the slice's to check).</summary>
    public static Result<TimeSpan> Duration(string name, string? value, TimeSpan fallback)
    {
        try
        {
            return value is null ? fallback : XmlConvert.ToTimeSpan(value);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return ScimError.InvalidValue($"{name} must be an ISO 8601 duration such as PT10M (10 minutes) or PT1H; it was '{value}'.");
        }
    }

    /// <summary>A value of <typeparamref name="T"/> by its camelCase name (any case); null when absent.</summary>
    public static Result<T?> Enum<T>(string name, string? value)
        where T : struct, System.Enum =>
        value is null ? (T?)null
        : System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _) ? parsed
        : ScimError.InvalidValue(
            $"{name} must be one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}; it was '{value}'.");

    /// <summary>A resource id in the server's form; null when absent.</summary>
    public static Result<Guid?> Id(string name, string? value) =>
        value is null ? (Guid?)null
        : Guid.TryParseExact(value, "D", out var id) ? id
        : ScimError.InvalidValue($"{name} must be the id of a user or group (36 characters with dashes); it was '{value}'.");

    /// <summary>
    /// The <see cref="ListActivity"/> query of <c>GET …/activity</c>'s parameters (also the <c>activity</c> command's), or
    /// the first bad one's 400.
    /// </summary>
    public static Result<ListActivity.Query> Activity(
        Guid organizationId, string? since, string? until, string? resourceId, string? operation, string? outcome, string? cursor, string? count)
    {
        var (from, to, resource) = (Time("since", since), Time("until", until), Id("resourceId", resourceId));
        var (what, how, size) = (Enum<JournalOperation>("operation", operation), Enum<JournalOutcome>("outcome", outcome), Count(count, ListActivity.DefaultCount, ListActivity.MaxCount));
        return !from.IsSuccess ? from.Error : !to.IsSuccess ? to.Error : !resource.IsSuccess ? resource.Error
            : !what.IsSuccess ? what.Error : !how.IsSuccess ? how.Error : !size.IsSuccess ? size.Error
            : new ListActivity.Query(organizationId, new(from.Value, to.Value, resource.Value, what.Value, how.Value), cursor, size.Value);
    }

    /// <summary>
    /// The <see cref="ListProvisioningRuns"/> query of <c>GET …/activity/runs</c>'s parameters (also the <c>activity runs</c>
    /// command's), or the first bad one's 400.
    /// </summary>
    public static Result<ListProvisioningRuns.Query> Runs(Guid organizationId, string? since, string? until, string? gap, string? cursor, string? count)
    {
        var (from, to) = (Time("since", since), Time("until", until));
        var (quiet, size) = (Duration("gap", gap, ListProvisioningRuns.DefaultGap), Count(count, ListProvisioningRuns.DefaultCount, ListProvisioningRuns.MaxCount));
        return !from.IsSuccess ? from.Error : !to.IsSuccess ? to.Error : !quiet.IsSuccess ? quiet.Error : !size.IsSuccess ? size.Error
            : new ListProvisioningRuns.Query(organizationId, from.Value, to.Value, quiet.Value, cursor, size.Value);
    }
}
