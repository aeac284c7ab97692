using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Protocol;
using Scim.Protocol.Projection;

namespace Scim.Application.Features.Groups;

/// <summary>GET /Groups and POST /Groups/.search (RFC 7644 §3.4.2, §3.4.3): filtered in SQL; no match is an empty ListResponse.</summary>
public static class ListGroups
{
    /// <param name="Filter">The SCIM filter, or null for all groups.</param>
    /// <param name="Paging">startIndex and count.</param>
    /// <param name="Projection">The attributes / excludedAttributes parameters.</param>
    public sealed record Query(string? Filter, ListParameters Paging, AttributeProjection Projection) : IQuery<Result<JsonObject>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<JsonObject>>
    {
        public async ValueTask<Result<JsonObject>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await ResourcePage.LoadAsync(
                db, db.Groups, (groups, ct) => groups.AsNoTracking().ToListAsync(ct), query.Filter, GroupFilterMap.Map, query.Paging, cancellationToken);
            if (!page.IsSuccess)
            {
                return page.Error;
            }

            var resources = await GroupResources.ToJsonAsync(db, page.Value!.Items, query.Projection, cancellationToken);
            return ListResponse.Create(resources, page.Value.TotalResults, query.Paging.StartIndex);
        }
    }
}
