using System.Text.Json.Nodes;
using Mediator;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Discovery;

/// <summary>GET /ResourceTypes/{id} (RFC 7644 §4): <c>User</c> or <c>Group</c> (case-insensitive); 404 otherwise.</summary>
public static class GetResourceType
{
    /// <param name="Id">The resource type name.</param>
    public sealed record Query(string Id) : IQuery<Result<JsonObject>>;

    internal sealed class Handler : IQueryHandler<Query, Result<JsonObject>>
    {
        public ValueTask<Result<JsonObject>> Handle(Query query, CancellationToken cancellationToken)
        {
            var type = ResourceTypeDefinition.All.FirstOrDefault(t => string.Equals(t.Name, query.Id, StringComparison.OrdinalIgnoreCase));
            return ValueTask.FromResult<Result<JsonObject>>(type is null
                ? ScimError.NotFound($"ResourceType {query.Id} not found.")
                : ResourceTypeRenderer.Render(type));
        }
    }
}
