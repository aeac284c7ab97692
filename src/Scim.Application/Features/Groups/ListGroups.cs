using Mediator;
using Scim.Application.Common.Limits;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Protocol;

namespace Scim.Application.Features.Groups;

/// <summary>
/// GET /Groups and POST /Groups/.search (RFC 7644 §3.4.2, §3.4.3): filtered in SQL; no match is an empty ListResponse.
/// With <c>members</c>, each group's members are streamed into the response as it is written.
/// </summary>
public static class ListGroups
{
    /// <param name="List">The filter, sort, page and projection.</param>
    public sealed record Query(ListQuery List) : IQuery<Result<ScimBody>>;

    internal sealed class Handler(IScimDbContext db, ListCursors cursors, CreationOrderMarks marks, ListQueryBudget budget, ExpensiveWork expensive) : IQueryHandler<Query, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await ResourcePage.LoadAsync(db, db.Groups, GroupResources.Listing, query.List, cursors, marks, budget, expensive, cancellationToken);
            return page.IsSuccess
                ? ListResponse.Create(page.Value!, query.List, new GroupRenderer(query.List.Projection, db))
                : page.Error;
        }
    }
}
