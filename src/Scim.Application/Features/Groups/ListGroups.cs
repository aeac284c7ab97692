using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;

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
            var filter = FilterCompiler.Compile(query.Filter, GroupFilterMap.Map, db);
            if (!filter.IsSuccess)
            {
                return filter.Error;
            }

            var spec = new GroupsPageSpec(filter.Value, query.Paging);
            var groups = query.Paging.Count == 0
                ? []
                : await db.Groups.AsNoTracking().WithSpecification(spec).ToListAsync(cancellationToken);

            // A first page that is not full already tells the total (Entra's lookups): no COUNT query needed.
            var total = query.Paging.StartIndex == 1 && groups.Count < query.Paging.Count
                ? groups.Count
                : await db.Groups.WhereSpecification(spec).CountAsync(cancellationToken);
            var resources = await GroupResources.ToJsonAsync(db, groups, query.Projection, cancellationToken);
            return ListResponse.Create(resources, total, query.Paging.StartIndex);
        }
    }
}
