using Mediator;
using Scim.Application.Common.Resources;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Discovery;

/// <summary>GET /Schemas (RFC 7644 §4): a ListResponse of every published schema (RFC 7643 §7).</summary>
public static class ListSchemas
{
    /// <summary>Asks for the Schemas ListResponse (RFC 7643 §7) as JSON; never fails.</summary>
    public sealed record Query : IQuery<ScimBody>;

    internal sealed class Handler : IQueryHandler<Query, ScimBody>
    {
        public ValueTask<ScimBody> Handle(Query query, CancellationToken cancellationToken)
        {
            var schemas = SchemaRenderer.Published.Select(SchemaRenderer.Render).ToList();
            return ValueTask.FromResult(ListResponse.Create(schemas, schemas.Count, 1, JsonResourceRenderer.Instance));
        }
    }
}
