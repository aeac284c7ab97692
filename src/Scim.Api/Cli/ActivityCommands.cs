using System.CommandLine;
using System.Globalization;
using Mediator;
using Scim.Api.Endpoints.Admin;
using Scim.Application.Common.Persistence;
using Scim.Application.Features.Journal;
using Scim.Application.Features.Organizations;
using Scim.Protocol;

namespace Scim.Api.Cli;

/// <summary>
/// <c>activity ORG [--since WHEN] [--until WHEN] [--resource ID] [--operation OP] [--outcome committed|failed] [--count N]</c>
/// lists an organization's journal newest first (<see cref="ListActivity"/>, as <c>GET …/activity</c>);
/// <c>activity runs ORG [--gap PT10M] [--since WHEN] [--until WHEN] [--count N]</c> lists its provisioning runs
/// (<see cref="ListProvisioningRuns"/>, as <c>GET …/activity/runs</c>). ORG is the organization's id or name. The values
/// are read as the administration API reads its query parameters, with its messages (<c>--resource</c> is its
/// <c>resourceId</c>); exit 2 for a bad one, 1 for an unknown organization.
/// </summary>
internal static class ActivityCommands
{
    /// <summary>The <c>activity</c> command with its <c>runs</c> subcommand.</summary>
    public static Command Create(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var (org, since, until, count) = Common(ListActivity.DefaultCount);
        var resource = new Option<string?>("--resource") { Description = "The rows of one user or group (its id)." };
        var operation = new Option<string?>("--operation")
        {
            Description = "The rows of one operation: create, replace, patch, delete, addMembers, removeMembers or deactivate.",
        };
        var outcome = new Option<string?>("--outcome") { Description = "committed (changes) or failed (failed requests)." };
        var activity = new Command("activity", "List an organization's journal (changes and failed requests), newest first.")
        {
            org, since, until, resource, operation, outcome, count,
        };
        activity.SetAction((parse, ct) =>
        {
            var query = AdminQuery.Activity(Guid.Empty, parse.GetValue(since), parse.GetValue(until), parse.GetValue(resource),
                parse.GetValue(operation), parse.GetValue(outcome), null, parse.GetValue(count));
            return RunAsync(services, error, parse.GetValue(org)!, query.IsSuccess ? null : query.Error,
                organization => query.Value! with { OrganizationId = organization }, page => PrintActivity(output, page), ct);
        });

        var (runsOrg, runsSince, runsUntil, runsCount) = Common(ListProvisioningRuns.DefaultCount);
        var gap = new Option<string?>("--gap")
        {
            Description = "The quiet time that ends a key's run, an ISO 8601 duration such as PT10M (the default) or PT1H.",
        };
        var runs = new Command("runs", "List an organization's provisioning runs (each API key's bursts of requests), newest first.")
        {
            runsOrg, gap, runsSince, runsUntil, runsCount,
        };
        runs.SetAction((parse, ct) =>
        {
            var query = AdminQuery.Runs(Guid.Empty, parse.GetValue(runsSince), parse.GetValue(runsUntil), parse.GetValue(gap), null, parse.GetValue(runsCount));
            return RunAsync(services, error, parse.GetValue(runsOrg)!, query.IsSuccess ? null : query.Error,
                organization => query.Value! with { OrganizationId = organization }, page => PrintRuns(output, page), ct);
        });

        activity.Subcommands.Add(runs);
        return activity;
    }

    // The argument and options both commands take (an option belongs to one command).
    private static (Argument<string> Org, Option<string?> Since, Option<string?> Until, Option<string?> Count) Common(int defaultCount) => (
        new Argument<string>("org") { Description = "The organization's id or name." },
        new Option<string?>("--since") { Description = "From this time on, ISO 8601 (2026-12-05T10:00:00Z; UTC unless it has an offset)." },
        new Option<string?>("--until") { Description = "Before this time, ISO 8601." },
        new Option<string?>("--count") { Description = $"How many at most (default {defaultCount})." });

    // Sends the query (read from the options as the API reads its parameters) for the organization named.
    private static async Task<int> RunAsync<T>(
        IServiceProvider services, TextWriter error, string organization, ScimError? bad, Func<Guid, IQuery<Result<T>>> query, Action<T> print,
        CancellationToken ct)
    {
        if (bad is not null)
        {
            error.WriteLine(bad.Detail);
            return 2;
        }

        return await AdminCommands.SendAsync(services, error, async mediator =>
        {
            // The commands name an organization as the key commands do; the slices take its id.
            await using var scope = services.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<IScimDbContext>().Organizations.FindByIdOrNameAsync(organization, ct);
            return found is null
                ? ScimError.NotFound($"No organization has the id or name '{organization}'.")
                : await mediator.Send(query(found.Id), ct);
        }, print);
    }

    private static void PrintActivity(TextWriter output, ListActivity.Page page)
    {
        output.WriteLine($"{"TIME (UTC)",-19}  {"OUTCOME",-9}  {"OPERATION",-13}  {"SLICE",-16}  {"RESOURCE",-36}  {"KEY",-12}  RESULT");
        foreach (var row in page.Rows)
        {
            var result = row.Status is { } status ? $"{status} {row.ScimType}: {row.Detail}" : string.Join(',', row.Attributes);
            output.WriteLine($"{Time(row.TimeUtc)}  {Camel(row.Outcome),-9}  {Camel(row.Operation),-13}  {row.Slice,-16}  "
                + $"{row.ResourceId,-36}  {row.KeyPrefix,-12}  {result}");
        }

        if (page.NextCursor is not null)
        {
            output.WriteLine("Older rows follow: narrow the list with --until or --since, or raise --count.");
        }
    }

    private static void PrintRuns(TextWriter output, ListProvisioningRuns.Page page)
    {
        output.WriteLine($"{"START (UTC)",-19}  {"END (UTC)",-19}  {"KEY",-12}  {"LABEL",-20}  {"DIALECT",-21}  "
            + $"{"REQUESTS",8}  {"CREATED",7}  {"UPDATED",7}  {"DEACTIVATED",11}  {"DELETED",7}  {"FAILED",6}");
        foreach (var run in page.Runs)
        {
            output.WriteLine($"{Time(run.Start)}  {Time(run.End)}  {run.KeyPrefix,-12}  {run.KeyLabel,-20}  {Camel(run.Dialect),-21}  "
                + $"{run.Requests,8}  {run.Creates,7}  {run.Updates,7}  {run.Deactivations,11}  {run.Deletes,7}  {run.Failures,6}"
                + (run.Complete ? "" : "  (may have begun earlier)"));
            foreach (var failures in run.FailuresByType)
            {
                output.WriteLine($"    {failures.Count} failed: {failures.ScimType ?? "(no scimType)"} ({failures.Status})");
            }

            foreach (var failure in run.FirstFailures)
            {
                output.WriteLine($"      {Time(failure.Time)}  {failure.Slice}  {failure.ResourceId}  {failure.Status} {failure.ScimType}: {failure.Detail}");
            }
        }

        if (page.Truncated)
        {
            output.WriteLine($"Stopped after reading {page.RowsRead} journal rows; narrow the list with --since or --until.");
        }
        else if (page.NextCursor is not null)
        {
            output.WriteLine("Older runs follow: narrow the list with --until or --since, or raise --count.");
        }
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // The names the API writes (camelCase).
    private static string Camel(Enum? value) => value?.ToString() is { } name ? char.ToLowerInvariant(name[0]) + name[1..] : "";
}
