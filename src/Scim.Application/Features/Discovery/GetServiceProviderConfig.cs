using System.Text.Json.Nodes;
using Mediator;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Bulk;

namespace Scim.Application.Features.Discovery;

/// <summary>GET /ServiceProviderConfig (RFC 7644 §4, RFC 7643 §5): what this server supports.</summary>
public static class GetServiceProviderConfig
{
    /// <summary>Asks for the ServiceProviderConfig resource (RFC 7643 §5) as JSON; never fails.</summary>
    public sealed record Query : IQuery<JsonObject>;

    internal sealed class Handler(BulkLimits bulk, PaginationOptions pagination) : IQueryHandler<Query, JsonObject>
    {
        public ValueTask<JsonObject> Handle(Query query, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ServiceProviderConfigRenderer.Render(bulk, pagination));
    }
}
