using Mediator;
using Scim.Api.Http;
using Scim.Api.OpenApi;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Journal;
using Scim.Domain.Journal;

namespace Scim.Api.Endpoints.Admin;

/// <summary>
/// <c>GET /admin/organizations/{organizationId}/activity</c>: what the organization's clients did, newest first
/// (<see cref="ListActivity"/>); <c>…/activity/runs</c>: the same grouped into provisioning runs (<see cref="ListProvisioningRuns"/>).
/// </summary>
public static class ActivityEndpoints
{
    /// <summary>Maps the activity below <paramref name="organization"/>, the group of one organization's administration.</summary>
    public static RouteGroupBuilder MapActivity(this RouteGroupBuilder organization)
    {
        organization.MapGet("/activity", ListActivityAsync).WithName(nameof(ListActivity)).WithTags("Activity")
            .Produces<ActivityPage>().WithMetadata(AdminParameters.Activity).ProducesScimErrors(400, 401, 403, 404);
        organization.MapGet("/activity/runs", ListProvisioningRunsAsync).WithName(nameof(ListProvisioningRuns)).WithTags("Activity")
            .Produces<ListProvisioningRuns.Page>().WithMetadata(AdminParameters.Runs).ProducesScimErrors(400, 401, 403, 404);
        return organization;
    }

    /// <summary>What the organization's clients did, newest first: committed changes and failed requests, filtered.</summary>
    /// <remarks>
    /// A view of what is committed when it runs, paged by <c>cursor</c> with the same filters (the last page has no
    /// <c>nextCursor</c>); follow changes with the change feed instead.
    /// </remarks>
    private static async Task<IResult> ListActivityAsync(
        string organizationId, string? since, string? until, string? resourceId, string? operation, string? outcome, string? cursor, string? count,
        IMediator mediator, CancellationToken ct)
    {
        var query = AdminQuery.Activity(Guid.Parse(organizationId), since, until, resourceId, operation, outcome, cursor, count);
        if (!query.IsSuccess)
        {
            return ScimResults.Error(query.Error);
        }

        return AdminResults.From(await mediator.Send(query.Value!, ct), page => AdminResults.Ok(new ActivityPage([.. page.Rows.Select(Activity.Of)], page.NextCursor)));
    }

    /// <summary>The organization's journal grouped into provisioning runs: each key's rows less than a gap apart, newest first.</summary>
    /// <remarks>
    /// At most 20,000 journal rows are read per request (<c>rowsRead</c>); <c>truncated</c> says when that stopped the page
    /// early, and the runs it was still reading are not <c>complete</c>. The last page has no <c>nextCursor</c>.
    /// </remarks>
    private static async Task<IResult> ListProvisioningRunsAsync(
        string organizationId, string? since, string? until, string? gap, string? cursor, string? count, IMediator mediator, CancellationToken ct)
    {
        var query = AdminQuery.Runs(Guid.Parse(organizationId), since, until, gap, cursor, count);
        if (!query.IsSuccess)
        {
            return ScimResults.Error(query.Error);
        }

        return AdminResults.From(await mediator.Send(query.Value!, ct), page => AdminResults.Ok(page));
    }
}

/// <summary>A page of activity: <c>{"activity":[…],"nextCursor":"…"}</c>.</summary>
/// <param name="Activity">Journal rows, newest first (by time, then by the order they were written).</param>
/// <param name="NextCursor">The next (older) page's cursor; absent on the last page.</param>
public sealed record ActivityPage(IReadOnlyList<Activity> Activity, string? NextCursor);

/// <summary>One journal row: a committed change or a failed request (README, Provisioning journal).</summary>
/// <param name="Time">When the server handled the request (ISO 8601, UTC).</param>
/// <param name="Outcome"><c>committed</c> or <c>failed</c>.</param>
/// <param name="Operation">What the change did or the failed request asked for; absent for a read or search.</param>
/// <param name="Slice">The endpoint, e.g. <c>PatchUser</c>.</param>
/// <param name="ResourceType"><c>User</c> or <c>Group</c>, when there is one.</param>
/// <param name="ResourceId">The resource's id, when known.</param>
/// <param name="Version">The resource's <c>meta.version</c> after a change; absent after a deletion and for a failure.</param>
/// <param name="Attributes">The names of the attributes changed; never their values.</param>
/// <param name="Dialect"><c>entraAadOptscim062020</c>, <c>entraLegacy</c>, <c>okta</c> or <c>other</c>.</param>
/// <param name="KeyId">The API key of the request.</param>
/// <param name="KeyPrefix">The first characters of its token, as <c>keys list</c> shows them.</param>
/// <param name="KeyLabel">Its name.</param>
/// <param name="RequestId">The request's <c>X-Request-Id</c>, or the server's trace identifier.</param>
/// <param name="Status">A failed request's HTTP status (4xx).</param>
/// <param name="ScimType">A failed request's <c>scimType</c>.</param>
/// <param name="Detail">A failed request's <c>detail</c>, at most 256 characters.</param>
public sealed record Activity(
    DateTime Time, JournalOutcome Outcome, JournalOperation? Operation, string? Slice, string? ResourceType, Guid? ResourceId, string? Version,
    IReadOnlyList<string> Attributes, RequestDialect Dialect, Guid? KeyId, string? KeyPrefix, string? KeyLabel, string? RequestId, int? Status,
    string? ScimType, string? Detail)
{
    internal static Activity Of(JournalRow row) => new(
        row.TimeUtc, row.Outcome, row.Operation, row.Slice, row.ResourceType?.ToString(), row.ResourceId, row.Version is { } v ? ETag.Of(v) : null,
        row.Attributes, row.Dialect, row.KeyId, row.KeyPrefix, row.KeyLabel, row.RequestId, row.Status, row.ScimType, row.Detail);
}
