using Mediator;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Protocol;
using Scim.Protocol.Projection;

namespace Scim.Application.Features.Groups;

/// <summary>
/// GET /Groups and POST /Groups/.search (RFC 7644 §3.4.2, §3.4.3): filtered in SQL; no match is an empty ListResponse.
/// With <c>members</c>, each group's members are streamed into the response as it is written.
/// </summary>
public static class ListGroups
{
    /// <param name="Filter">The SCIM filter, or null for all groups.</param>
    /// <param name="Paging">startIndex and count.</param>
    /// <param name="Projection">The attributes / excludedAttributes parameters.</param>
    public sealed record Query(string? Filter, ListParameters Paging, AttributeProjection Projection) : IQuery<Result<ScimBody>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await ResourcePage.LoadAsync(
                db, db.Groups, GroupResources.ReadRowsAsync, query.Filter, GroupCatalogue.Catalogue.FilterMap, query.Paging, cancellationToken);
            if (!page.IsSuccess)
            {
                return page.Error;
            }

            return ListResponse.Create(page.Value!.Items, page.Value.TotalResults, query.Paging.StartIndex, new GroupRenderer(query.Projection, db));
        }
    }
}
