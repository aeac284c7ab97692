using System.Text.Json.Nodes;

namespace Scim.IdpReplay.Okta;

internal sealed partial class OktaCycle
{
    // A page in the middle of the import, read again with another count: its resources must be the same ones.
    private const int SliceStart = 51, SliceCount = 10;

    /// <summary>
    /// Import Users: every page of 100 until <c>totalResults</c>; each of this run's users once, as Okta last sent it
    /// (deactivated ones included, with <c>active:false</c>), and the same order when a page is read with another count.
    /// </summary>
    private async Task ImportUsersAsync(CancellationToken ct)
    {
        const string Step = "import-users";
        if (await ImportAsync(Step, "Users", ct) is not ({ } imported, { } last))
        {
            return;
        }

        var byId = ById(imported);
        foreach (var user in _users.Where(u => u.Id is not null))
        {
            if (Check.That(Step, last, byId.TryGetValue(user.Id!, out var resource), $"{user.UserName} in the import", "not in any page"))
            {
                Check.Contains(Step, last, user.Profile, resource!);
            }
        }

        if (imported.Count >= SliceStart + SliceCount - 1)
        {
            var slice = await Http.GetAsync(Step, OktaRequests.Page("Users", SliceStart, SliceCount), ct, 200);
            if (Check.Page(Step, slice, SliceStart, SliceCount) is { } page)
            {
                var expected = imported.Skip(SliceStart - 1).Take(SliceCount).Select(r => Checks.Text(r["id"]));
                var actual = page.Resources.Select(r => Checks.Text(r["id"]));
                Check.That(Step, slice, expected.SequenceEqual(actual), $"users {SliceStart}–{SliceStart + SliceCount - 1} of the import, in its order",
                    "other users or another order");
            }
        }
    }

    /// <summary>Import Groups: every page; each pushed group once, with its name and exact members.</summary>
    private async Task ImportGroupsAsync(CancellationToken ct)
    {
        const string Step = "import-groups";
        if (await ImportAsync(Step, "Groups", ct) is not ({ } imported, { } last))
        {
            return;
        }

        var byId = ById(imported);
        foreach (var group in _groups.Where(g => g.Exists))
        {
            if (Check.That(Step, last, byId.TryGetValue(group.Id!, out var resource), $"group {group.DisplayName} in the import", "not in any page"))
            {
                Check.Equal(Step, last, "displayName", group.DisplayName, resource!["displayName"]);
                Check.Members(Step, last, resource, group.Members.Keys, UserNames());
            }
        }
    }

    /// <summary>
    /// Reads <paramref name="resource"/> page by page as Okta does (<c>startIndex</c> += 100 until past <c>totalResults</c>):
    /// every page well-formed, the total unchanged from page to page, each resource once and as many as announced.
    /// </summary>
    private async Task<(List<JsonObject> Resources, ScimResponse Last)?> ImportAsync(string step, string resource, CancellationToken ct)
    {
        var resources = new List<JsonObject>();
        int? total = null;
        for (var startIndex = 1; ; startIndex += OktaRequests.PageSize)
        {
            var response = await Http.GetAsync(step, OktaRequests.Page(resource, startIndex), ct, 200);
            if (Check.Page(step, response, startIndex, OktaRequests.PageSize) is not { } page)
            {
                return null;
            }

            total ??= page.TotalResults;
            Check.That(step, response, page.TotalResults == total, $"totalResults {total} as on the first page", $"totalResults {page.TotalResults}");
            resources.AddRange(page.Resources);
            if (page.Resources.Count == 0 || startIndex + OktaRequests.PageSize > total)
            {
                var distinct = resources.Select(r => Checks.Text(r["id"])).Distinct(StringComparer.Ordinal).Count();
                Check.That(step, response, distinct == resources.Count, "each resource on one page only", $"{resources.Count - distinct} repeated");
                Check.That(step, response, resources.Count == total, $"{total} {resource} over all pages", $"{resources.Count}");
                return (resources, response);
            }
        }
    }

    private static Dictionary<string, JsonObject> ById(IEnumerable<JsonObject> resources) =>
        resources.Where(r => Checks.Text(r["id"]) is not null).GroupBy(r => Checks.Text(r["id"])!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Final read-back of every user (as last sent, password never returned) and every remaining group.</summary>
    private async Task FinalStateAsync(CancellationToken ct)
    {
        const string Step = "final-state";
        foreach (var user in _users.Where(u => u.Id is not null))
        {
            await GetUserAsync(Step, user, ct);
        }

        foreach (var group in _groups.Where(g => g.Exists))
        {
            await CheckGroupAsync(Step, group, ct);
        }
    }
}
