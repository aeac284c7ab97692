using Mediator;
using Scim.Api.Http;
using Scim.Api.OpenApi;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Journal;
using Scim.Domain.Journal;
using Scim.Protocol;

namespace Scim.Api.Endpoints.Admin;

/// <summary><c>GET /admin/organizations/{organizationId}/changes</c>: the organization's change feed (<see cref="ListChanges"/>).</summary>
public static class ChangesEndpoints
{
    /// <summary>Maps the feed below <paramref name="organization"/>, the group of one organization's administration.</summary>
    public static RouteGroupBuilder MapChanges(this RouteGroupBuilder organization)
    {
        organization.MapGet("/changes", ListChangesAsync).WithName(nameof(ListChanges)).WithTags("Activity")
            .Produces<ChangesPage>().WithMetadata(AdminParameters.Changes).ProducesScimErrors(400, 401, 403, 404);
        return organization;
    }

    /// <summary>The organization's change feed: its committed changes of users and groups, in commit order, from a cursor.</summary>
    /// <remarks>
    /// At least once: a reader that resumes from the last cursor it received gets every change committed since, none
    /// missed. A page never passes a change still being committed; it may hold fewer changes than <c>count</c> while its
    /// cursor moves on. After an empty page <c>nextCursor</c> is the same position, so a watcher polls with it.
    /// </remarks>
    private static async Task<IResult> ListChangesAsync(
        string organizationId, string? cursor, string? start, string? count, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var size = AdminQuery.Count(count, ListChanges.DefaultCount, ListChanges.MaxCount);
        if (!size.IsSuccess)
        {
            return ScimResults.Error(size.Error);
        }

        if (start is not (null or "oldest" or "now"))
        {
            return ScimResults.Error(ScimError.InvalidValue($"start must be oldest (the default) or now; it was '{start}'."));
        }

        var baseUrl = ScimResults.ScimBaseUrl(context);
        return AdminResults.From(await mediator.Send(new ListChanges.Query(Guid.Parse(organizationId), cursor, size.Value, start == "now"), ct),
            page => AdminResults.Ok(new ChangesPage([.. page.Changes.Select(c => Change.Of(c, baseUrl))], page.NextCursor)));
    }
}

/// <summary>A page of the change feed: <c>{"changes":[…],"nextCursor":"…"}</c>.</summary>
/// <param name="Changes">Committed changes in commit order (oldest first); empty when there is nothing new.</param>
/// <param name="NextCursor">
/// Always present: send it as <c>cursor</c> for the next page. After an empty page it is the same position, so a watcher
/// polls with it. Opaque, bound to the organization, and it does not expire (the journal's retention still applies).
/// </param>
public sealed record ChangesPage(IReadOnlyList<Change> Changes, string NextCursor);

/// <summary>One committed change of a user or group.</summary>
/// <param name="ResourceType"><c>User</c> or <c>Group</c> (RFC 7643 §4).</param>
/// <param name="Id">The resource's id.</param>
/// <param name="Operation"><c>create</c>, <c>replace</c>, <c>patch</c>, <c>delete</c>, <c>addMembers</c>, <c>removeMembers</c> or <c>deactivate</c>.</param>
/// <param name="Version">The resource's <c>meta.version</c> after the change (its ETag, e.g. <c>W/"3"</c>); absent after a deletion.</param>
/// <param name="Location">The resource's URL (its <c>meta.location</c>; 404 after a deletion).</param>
/// <param name="Time">When the server handled the change (ISO 8601, UTC).</param>
/// <param name="Attributes">The names of the attributes the change set, changed or cleared; never their values.</param>
public sealed record Change(string ResourceType, Guid Id, JournalOperation Operation, string? Version, string Location, DateTime Time, IReadOnlyList<string> Attributes)
{
    internal static Change Of(JournalRow row, string baseUrl)
    {
        var type = row.ResourceType!.Value;
        var endpoint = type == JournalResourceType.User ? "/Users" : "/Groups";
        return new(type.ToString(), row.ResourceId!.Value, row.Operation!.Value, row.Version is { } version ? ETag.Of(version) : null,
            $"{baseUrl}{endpoint}/{row.ResourceId}", row.TimeUtc, row.Attributes);
    }
}
