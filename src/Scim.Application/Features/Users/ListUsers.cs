using Mediator;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Protocol;
using Scim.Protocol.Projection;

namespace Scim.Application.Features.Users;

/// <summary>
/// GET /Users and POST /Users/.search (RFC 7644 §3.4.2, §3.4.3): the filter is compiled to SQL; no match is
/// 200 with an empty ListResponse, never 404.
/// </summary>
public static class ListUsers
{
    /// <param name="Filter">The SCIM filter, or null for all users.</param>
    /// <param name="Paging">startIndex and count.</param>
    /// <param name="Projection">The attributes / excludedAttributes parameters.</param>
    public sealed record Query(string? Filter, ListParameters Paging, AttributeProjection Projection) : IQuery<Result<ScimBody>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await ResourcePage.LoadAsync(
                db, db.Users, (users, ct) => UserResources.ReadRowsAsync(db, users, ct), query.Filter, UserCatalogue.Catalogue.FilterMap, query.Paging, cancellationToken);
            if (!page.IsSuccess)
            {
                return page.Error;
            }

            var rows = page.Value!.Items;
            var renderer = await UserResources.RendererAsync(db, rows, query.Projection, cancellationToken);
            return ListResponse.Create(rows, page.Value.TotalResults, query.Paging.StartIndex, renderer);
        }
    }
}
