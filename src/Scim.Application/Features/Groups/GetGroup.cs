using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;
using Scim.Protocol;
using Scim.Protocol.Projection;

namespace Scim.Application.Features.Groups;

/// <summary>GET /Groups/{id} (RFC 7644 §3.4.1); <c>excludedAttributes=members</c> never reads the membership rows.</summary>
public static class GetGroup
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Projection">The attributes / excludedAttributes parameters.</param>
    public sealed record Query(string Id, AttributeProjection Projection) : IQuery<Result<JsonObject>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<JsonObject>>
    {
        public async ValueTask<Result<JsonObject>> Handle(Query query, CancellationToken cancellationToken)
        {
            var group = Guid.TryParse(query.Id, out var id)
                ? await db.Groups.AsNoTracking().WithSpecification(new ResourceByIdSpec<Group>(id)).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (group is null)
            {
                return ScimError.NotFound($"Group {query.Id} not found.");
            }

            return (await GroupResources.ToJsonAsync(db, [group], query.Projection, cancellationToken))[0];
        }
    }
}
