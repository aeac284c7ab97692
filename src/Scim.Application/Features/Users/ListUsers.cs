using Mediator;
using Scim.Application.Common.Limits;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Protocol;

namespace Scim.Application.Features.Users;

/// <summary>
/// GET /Users and POST /Users/.search (RFC 7644 §3.4.2, §3.4.3; RFC 9865): the filter is compiled to SQL, sorted
/// by <c>sortBy</c>, paged by index or by cursor; no match is 200 with an empty ListResponse, never 404.
/// </summary>
public static class ListUsers
{
    /// <param name="List">The filter, sort, page and projection.</param>
    public sealed record Query(ListQuery List) : IQuery<Result<ScimBody>>;

    internal sealed class Handler(IScimDbContext db, ListCursors cursors, CreationOrderMarks marks, ListQueryBudget budget, ExpensiveWork expensive) : IQueryHandler<Query, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await ResourcePage.LoadAsync(db, db.Users, UserResources.Listing(db), query.List, cursors, marks, budget, expensive, cancellationToken);
            if (!page.IsSuccess)
            {
                return page.Error;
            }

            var renderer = await UserResources.RendererAsync(db, page.Value!.Items, query.List.Projection, cancellationToken);
            return ListResponse.Create(page.Value, query.List, renderer);
        }
    }
}
