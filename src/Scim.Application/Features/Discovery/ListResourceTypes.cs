using Mediator;
using Scim.Application.Common.Resources;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Discovery;

/// <summary>GET /ResourceTypes (RFC 7644 §4): a ListResponse of User and Group (RFC 7643 §6).</summary>
public static class ListResourceTypes
{
    /// <summary>Asks for the ResourceTypes ListResponse (RFC 7643 §6) as JSON; never fails.</summary>
    public sealed record Query : IQuery<ScimBody>;

    internal sealed class Handler : IQueryHandler<Query, ScimBody>
    {
        public ValueTask<ScimBody> Handle(Query query, CancellationToken cancellationToken)
        {
            var types = ResourceTypeDefinition.All.Select(ResourceTypeRenderer.Render).ToList();
            return ValueTask.FromResult(ListResponse.Create(types, types.Count, 1, JsonResourceRenderer.Instance));
        }
    }
}
