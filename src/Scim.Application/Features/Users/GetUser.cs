using Mediator;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Filtering;
using Scim.Protocol;
using Scim.Protocol.Projection;

namespace Scim.Application.Features.Users;

/// <summary>GET /Users/{id} (RFC 7644 §3.4.1): the user, active or not; 404 when the id is unknown in the organization.</summary>
public static class GetUser
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Projection">The attributes / excludedAttributes parameters.</param>
    public sealed record Query(string Id, AttributeProjection Projection) : IQuery<Result<ScimBody>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Query query, CancellationToken cancellationToken)
        {
            var user = ScimId.TryParse(query.Id, out var id)
                ? await UserResources.ReadAsync(db, id, query.Projection, cancellationToken)
                : null;
            return user is null ? ScimError.NotFound($"User {query.Id} not found.") : user;
        }
    }
}
