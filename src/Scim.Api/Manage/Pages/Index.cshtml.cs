using System.Text.Json.Nodes;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Scim.Api.Http;
using Scim.Application.Features.Groups;
using Scim.Application.Features.Users;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Api.Manage.Pages;

/// <summary>
/// The directory at a glance: how many users (active and deactivated) and teams, the largest teams
/// (<see cref="ListLargestGroups"/>), and a search by <c>userName</c> / <c>displayName</c>. Counts and search are the
/// SCIM list slices (<see cref="ListUsers"/>, <see cref="ListGroups"/>) with a filter, as a client would ask them.
/// </summary>
public sealed class IndexModel(IMediator mediator) : ManagePageModel
{
    /// <summary>The most search results of each kind the page shows.</summary>
    public const int SearchCount = 20;

    /// <summary>The longest text searched for: longer is no user name's start worth a query.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>What to search for: the start of a user name or display name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>All users.</summary>
    public int Users { get; private set; }

    /// <summary>Users whose <c>active</c> is false.</summary>
    public int Deactivated { get; private set; }

    /// <summary>All teams (SCIM groups).</summary>
    public int Teams { get; private set; }

    /// <summary>The teams with the most members.</summary>
    public IReadOnlyList<ListLargestGroups.GroupSize> LargestTeams { get; private set; } = [];

    /// <summary>Users the search found (their SCIM representations, with userName, displayName and active).</summary>
    public IReadOnlyList<JsonObject> FoundUsers { get; private set; } = [];

    /// <summary>Teams the search found (with displayName).</summary>
    public IReadOnlyList<JsonObject> FoundTeams { get; private set; } = [];

    /// <summary>How many users and teams match the search in all.</summary>
    public (int Users, int Teams) Matches { get; private set; }

    /// <summary>Why a count or the search could not be answered (a query over its time budget).</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the counts, the largest teams and the search's results.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PickOrganizationFirst() is { } pick)
        {
            return pick;
        }

        (Users, _) = await ListAsync(ResourceTypeDefinition.User, null, 0, cancellationToken);
        (Deactivated, _) = await ListAsync(ResourceTypeDefinition.User, "active eq false", 0, cancellationToken);
        (Teams, _) = await ListAsync(ResourceTypeDefinition.Group, null, 0, cancellationToken);
        var largest = await mediator.Send(new ListLargestGroups.Query(5), cancellationToken);
        LargestTeams = largest.Value ?? [];
        Problem ??= largest.Error?.Detail;
        var text = Search?.Trim() ?? "";
        if (text.Length > MaxSearchLength || text.Any(char.IsControl))
        {
            Problem = $"Search for at most {MaxSearchLength} characters, without control characters.";
        }
        else if (text.Length > 0)
        {
            // A SCIM string literal is a JSON string (RFC 7644 §3.4.2.2), so JSON's escaping makes any text one.
            var literal = System.Text.Json.JsonSerializer.Serialize(text);
            (var users, FoundUsers) = await ListAsync(ResourceTypeDefinition.User, $"userName sw {literal} or displayName sw {literal}", SearchCount, cancellationToken);
            (var teams, FoundTeams) = await ListAsync(ResourceTypeDefinition.Group, $"displayName sw {literal}", SearchCount, cancellationToken);
            Matches = (users, teams);
        }

        return Page();
    }

    // One page of a SCIM list: its totalResults and resources, or nothing and the page's problem.
    private async Task<(int Total, IReadOnlyList<JsonObject> Resources)> ListAsync(
        ResourceTypeDefinition type, string? filter, int count, CancellationToken cancellationToken)
    {
        var attributes = type == ResourceTypeDefinition.User ? "userName,displayName,active" : "displayName";
        var query = new ListRequest(filter, null, null, null, count.ToString(System.Globalization.CultureInfo.InvariantCulture), null, attributes, null).ToQuery(type);
        Result<Scim.Application.Common.Resources.ScimBody> list = !query.IsSuccess ? query.Error!
            : type == ResourceTypeDefinition.User ? await mediator.Send(new ListUsers.Query(query.Value!), cancellationToken)
            : await mediator.Send(new ListGroups.Query(query.Value!), cancellationToken);
        if (!list.IsSuccess)
        {
            Problem = list.Error!.Detail;
            return (0, []);
        }

        var body = await list.Value!.ToJsonObjectAsync(cancellationToken);
        return ((int?)body["totalResults"] ?? 0, [.. body["Resources"]?.AsArray().OfType<JsonObject>() ?? []]);
    }
}
