using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;

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
    public sealed record Query(string? Filter, ListParameters Paging, AttributeProjection Projection) : IQuery<Result<JsonObject>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<JsonObject>>
    {
        public async ValueTask<Result<JsonObject>> Handle(Query query, CancellationToken cancellationToken)
        {
            var filter = FilterCompiler.Compile(query.Filter, UserFilterMap.Map, db);
            if (!filter.IsSuccess)
            {
                return filter.Error;
            }

            var spec = new UsersPageSpec(filter.Value, query.Paging);
            var users = query.Paging.Count == 0
                ? []
                : await db.Users.AsNoTracking().WithDetails().WithSpecification(spec).ToListAsync(cancellationToken);

            // A first page that is not full already tells the total (Entra's lookups): no COUNT query needed.
            var total = query.Paging.StartIndex == 1 && users.Count < query.Paging.Count
                ? users.Count
                : await db.Users.WhereSpecification(spec).CountAsync(cancellationToken);
            var resources = await UserResources.ToJsonAsync(db, users, query.Projection, cancellationToken);
            return ListResponse.Create(resources, total, query.Paging.StartIndex);
        }
    }
}
