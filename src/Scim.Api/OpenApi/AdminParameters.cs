using System.Globalization;
using NJsonSchema;
using NSwag;
using Scim.Application.Features.Journal;
using Scim.Application.Features.Organizations;
using Scim.Domain.Journal;

namespace Scim.Api.OpenApi;

/// <summary>
/// The query parameters of the administration API, each described once. The endpoints read them as text (a bad value is
/// a 400 <c>invalidValue</c> naming it); the document gives their types, so generated clients take typed arguments.
/// </summary>
public static class AdminParameters
{
    private static readonly ScimParameterMetadata Since = Query("since", JsonObjectType.String,
        "Rows at or after this time: ISO 8601, e.g. 2026-12-05T10:00:00Z (UTC unless it has an offset).", JsonFormatStrings.DateTime);

    private static readonly ScimParameterMetadata Until = Query("until", JsonObjectType.String,
        "Rows before this time: ISO 8601, e.g. 2026-12-05T12:00:00Z (UTC unless it has an offset).", JsonFormatStrings.DateTime);

    /// <summary>The parameters of <c>GET /admin/organizations</c>.</summary>
    public static readonly object[] Organizations =
    [
        Count("organizations a page holds", ListOrganizations.MaxCount, ListOrganizations.DefaultCount),
        Cursor("the first page (by lower-case name)", "the list"),
    ];

    /// <summary>The parameters of <c>GET …/changes</c>.</summary>
    public static readonly object[] Changes =
    [
        Query("cursor", JsonObjectType.String,
            "Where to go on: the nextCursor of the page before (or the last one a watcher kept); none to start at the oldest change the "
            + "journal keeps. It does not expire. One this server did not issue for this organization's feed, or an altered one, is 400 invalidCursor."),
        Query("start", JsonObjectType.String,
            "Instead of a cursor: now for an empty page whose nextCursor is the end of the feed, so that the next page holds only changes "
            + "committed after it; oldest (the default) for the oldest change the journal keeps. Another value, or now with a cursor, is 400 invalidValue."),
        Count("changes a page holds at most", ListChanges.MaxCount, ListChanges.DefaultCount),
    ];

    /// <summary>The parameters of <c>GET …/activity</c>.</summary>
    public static readonly object[] Activity =
    [
        Since,
        Until,
        Query("resourceId", JsonObjectType.String, "Only the rows of this user or group.", AdminOpenApiDocument.UuidFormat),
        Query("operation", JsonObjectType.String,
            "Only the rows of this operation (create, replace, patch, delete, addMembers, removeMembers, deactivate); a failed request has "
            + "the operation it asked for.", values: typeof(JournalOperation)),
        Query("outcome", JsonObjectType.String, "Only committed changes or only failed requests.", values: typeof(JournalOutcome)),
        Cursor("the newest rows", "these filters"),
        Count("rows a page holds at most", ListActivity.MaxCount, ListActivity.DefaultCount),
    ];

    /// <summary>The parameters of <c>GET …/activity/runs</c>.</summary>
    public static readonly object[] Runs =
    [
        Since,
        Until,
        Query("gap", JsonObjectType.String,
            "The quiet time that ends a key's run: an ISO 8601 duration above zero and at most a day, e.g. PT10M (the default) or PT1H."),
        Cursor("the newest runs", "the same since, until and gap"),
        Count("runs a page holds", ListProvisioningRuns.MaxCount, ListProvisioningRuns.DefaultCount),
    ];

    /// <summary>The <c>Location</c> of a 201.</summary>
    public static readonly ScimResponseHeaderMetadata CreatedLocation = new(StatusCodes.Status201Created, "Location", "The URL of what was created.");

    /// <summary>The <c>Location</c> of the 202 of an organization's deletion.</summary>
    public static readonly ScimResponseHeaderMetadata ErasureLocation = new(StatusCodes.Status202Accepted, "Location",
        "Where to follow the erasure: /admin/organizations/{organizationId}/erasure.");

    private static ScimParameterMetadata Count(string what, int max, int fallback) => Query("count", JsonObjectType.Integer,
        string.Create(CultureInfo.InvariantCulture, $"How many {what}: 1 to {max:N0} (default {fallback}); another value is 400 invalidValue."));

    private static ScimParameterMetadata Cursor(string first, string boundTo) => Query("cursor", JsonObjectType.String,
        $"The nextCursor of the page before; none for {first}. One this server did not issue for {boundTo}, or an altered one, is 400 invalidCursor.");

    private static ScimParameterMetadata Query(string name, JsonObjectType type, string description, string? format = null, Type? values = null) =>
        new(name, OpenApiParameterKind.Query, type, description, format, values);
}
