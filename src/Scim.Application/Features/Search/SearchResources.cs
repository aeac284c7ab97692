using Mediator;
using Scim.Application.Common;
using Scim.Application.Common.Limits;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Groups;
using Scim.Application.Features.Users;
using Scim.Protocol;

namespace Scim.Application.Features.Search;

/// <summary>
/// A search of the root (RFC 7644 §3.4.2, §3.4.3: <c>GET /?filter=…</c>, <c>POST /.search</c>): users and groups
/// together, users first, each in the server's order, paged by <c>startIndex</c> across both; <c>totalResults</c> is
/// the sum. An attribute one resource type does not have is unassigned for that type (RFC 7644 §3.4.2.2): comparing it
/// is false, so <c>userName eq "x"</c> finds no group and <c>displayName eq "x" or userName eq "y"</c> finds groups and
/// users; an attribute neither type has, or a filter either type refuses, is 400 <c>invalidFilter</c>.
/// <c>meta.resourceType eq "Group"</c> keeps one type.
/// </summary>
public static class SearchResources
{
    /// <param name="Users">The request as it applies to users (their projection).</param>
    /// <param name="Groups">The same request as it applies to groups.</param>
    public sealed record Query(ListQuery Users, ListQuery Groups) : IQuery<Result<ScimBody>>;

    internal sealed class Handler(IScimDbContext db, ListCursors cursors, CreationOrderMarks marks, ListQueryBudget budget, ExpensiveWork expensive) : IQueryHandler<Query, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Query query, CancellationToken cancellationToken)
        {
            var request = query.Users;
            if (request.ByCursor || request.SortBy is not null)
            {
                return ScimError.InvalidValue(
                    "A search of the root pages by startIndex, users first, then groups, each in the server's order: sortBy and cursor are "
                    + "supported on /Users and /Groups (and their /.search), not here.");
            }

            var userListing = UserResources.Listing(db);
            List<string> notOfUsers = [], notOfGroups = [];
            var userFilter = FilterCompiler.Compile(request.Filter, userListing.Catalogue.FilterMap, db, notOfUsers);
            var groupFilter = FilterCompiler.Compile(request.Filter, GroupResources.Listing.Catalogue.FilterMap, db, notOfGroups);
            // Users and groups both: a search of the root is expensive work whatever its filter (ResourcePage takes the permit).
            if (!userFilter.IsSuccess)
            {
                return userFilter.Error;
            }

            if (!groupFilter.IsSuccess)
            {
                return groupFilter.Error;
            }

            if (notOfUsers.Intersect(notOfGroups, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } neither)
            {
                return ScimError.InvalidFilter($"The attribute '{neither}' is an attribute of neither User nor Group.");
            }

            var users = await ResourcePage.LoadAsync(
                db, db.Users, userListing, request with { OtherTypesAttributesUnassigned = true, Search = true }, cursors, marks, budget, expensive, cancellationToken);
            if (!users.IsSuccess)
            {
                return users.Error;
            }

            var (userRows, userTotal) = (users.Value!.Items, users.Value.TotalResults ?? 0);
            var groupRequest = query.Groups with
            {
                StartIndex = Math.Max(1, request.StartIndex - userTotal),
                Count = request.Count - userRows.Count,
                OtherTypesAttributesUnassigned = true,
                Search = true,
            };
            var groups = await ResourcePage.LoadAsync(db, db.Groups, GroupResources.Listing, groupRequest, cursors, marks, budget, expensive, cancellationToken);
            if (!groups.IsSuccess)
            {
                return groups.Error;
            }

            var (groupRows, groupTotal) = (groups.Value!.Items, groups.Value.TotalResults ?? 0);
            var userRenderer = await UserResources.RendererAsync(db, userRows, request.Projection, cancellationToken);
            return new ListResponseBody(
                [new ListSection<UserRow>(userRows, userRenderer), new ListSection<GroupRow>(groupRows, new GroupRenderer(groupRequest.Projection, db))],
                userTotal + groupTotal,
                request.StartIndex,
                null);
        }
    }
}
