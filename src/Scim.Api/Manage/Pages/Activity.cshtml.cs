using Mediator;
using Microsoft.AspNetCore.Mvc;
using Scim.Api.Endpoints.Admin;
using Scim.Application.Features.Journal;

namespace Scim.Api.Manage.Pages;

/// <summary>
/// The provisioning journal (<see cref="ListActivity"/>) as a table filtered by time, outcome, operation and resource,
/// paged by cursor, under a summary of the latest provisioning runs (<see cref="ListProvisioningRuns"/>) in the same
/// time range. A filter the journal refuses is shown as the page's problem, with no rows.
/// </summary>
public sealed class ActivityModel(IMediator mediator, TimeProvider clock) : ManagePageModel
{
    /// <summary>How many rows a page shows.</summary>
    public const int PageSize = 50;

    /// <summary>How many runs the summary shows.</summary>
    public const int RunCount = 5;

    /// <summary>From this time (UTC; <c>2026-12-06T10:00</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Since { get; set; }

    /// <summary>Before this time (UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Until { get; set; }

    /// <summary><c>committed</c>, <c>failed</c>, or empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    /// <summary>An operation (<c>create</c>, <c>patch</c>, …), or empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Operation { get; set; }

    /// <summary>A user's or team's id, or empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ResourceId { get; set; }

    /// <summary>Where the page starts: the previous page's next cursor.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    /// <summary>The rows, newest first.</summary>
    public IReadOnlyList<Activity> Rows { get; private set; } = [];

    /// <summary>The cursor of the next (older) page; null on the last.</summary>
    public string? NextCursor { get; private set; }

    /// <summary>The latest runs, newest first.</summary>
    public IReadOnlyList<ListProvisioningRuns.ProvisioningRun> Runs { get; private set; } = [];

    /// <summary>Why the filters could not be used.</summary>
    public string? Problem { get; private set; }

    /// <summary>When the page was made (UTC).</summary>
    public DateTime Now { get; private set; }

    /// <summary>True when any filter is set.</summary>
    public bool Filtered => new[] { Since, Until, Outcome, Operation, ResourceId }.Any(v => !string.IsNullOrEmpty(v));

    /// <summary>Shows the runs and a page of rows.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PickOrganizationFirst() is { } pick)
        {
            return pick;
        }

        Now = clock.GetUtcNow().UtcDateTime;
        var query = AdminQuery.Activity(
            OrganizationId, Blank(Since), Blank(Until), Blank(ResourceId), Blank(Operation), Blank(Outcome), Blank(Cursor), PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var runs = AdminQuery.Runs(OrganizationId, Blank(Since), Blank(Until), null, null, RunCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!query.IsSuccess || !runs.IsSuccess)
        {
            Problem = (query.IsSuccess ? runs.Error : query.Error)!.Detail;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var page = await mediator.Send(query.Value!, cancellationToken);
        if (!page.IsSuccess)
        {
            Problem = page.Error!.Detail;
            Response.StatusCode = page.Error.Status;
            return Page();
        }

        Rows = [.. page.Value!.Rows.Select(Activity.Of)];
        NextCursor = page.Value.NextCursor;
        var summary = await mediator.Send(runs.Value!, cancellationToken);
        Runs = summary.IsSuccess ? summary.Value!.Runs : [];
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
