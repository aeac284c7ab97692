using Mediator;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Filtering;
using Scim.Protocol;
using Scim.Protocol.Projection;

namespace Scim.Application.Features.Groups;

/// <summary>
/// GET /Groups/{id} (RFC 7644 §3.4.1); members are streamed from the database into the response, and
/// <c>excludedAttributes=members</c> never reads the membership rows.
/// </summary>
public static class GetGroup
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Projection">The attributes / excludedAttributes parameters.</param>
    public sealed record Query(string Id, AttributeProjection Projection) : IQuery<Result<ScimBody>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Query query, CancellationToken cancellationToken)
        {
            var group = ScimId.TryParse(query.Id, out var id)
                ? await GroupResources.ReadAsync(db, id, query.Projection, cancellationToken)
                : null;
            return group is null ? ScimError.NotFound($"Group {query.Id} not found.") : group;
        }
    }
}
