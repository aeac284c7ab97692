using System.Text.Json.Nodes;
using Mediator;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Discovery;

/// <summary>GET /Schemas/{id} (RFC 7644 §4): one schema by its URN (case-insensitive); 404 when unknown.</summary>
public static class GetSchema
{
    /// <param name="Id">The schema URN, e.g. <c>urn:ietf:params:scim:schemas:core:2.0:User</c>.</param>
    public sealed record Query(string Id) : IQuery<Result<JsonObject>>;

    internal sealed class Handler : IQueryHandler<Query, Result<JsonObject>>
    {
        public ValueTask<Result<JsonObject>> Handle(Query query, CancellationToken cancellationToken)
        {
            var schema = SchemaRenderer.Published.FirstOrDefault(s => string.Equals(s.Id, query.Id, StringComparison.OrdinalIgnoreCase));
            return ValueTask.FromResult<Result<JsonObject>>(schema is null
                ? ScimError.NotFound($"Schema {query.Id} not found.")
                : SchemaRenderer.Render(schema));
        }
    }
}
