using Mediator;
using Scim.Api.Http;
using Scim.Api.OpenApi;
using Scim.Application.Features.Discovery;

namespace Scim.Api.Endpoints;

/// <summary>The discovery endpoints (RFC 7644 §4): /ServiceProviderConfig, /ResourceTypes, /Schemas.</summary>
public static class DiscoveryEndpoints
{
    /// <summary>Maps the discovery endpoints below <paramref name="scim"/>.</summary>
    public static void MapDiscovery(this RouteGroupBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", async (IMediator mediator, CancellationToken ct) =>
            ScimResults.Ok(await mediator.Send(new GetServiceProviderConfig.Query(), ct)))
            .WithName("GetServiceProviderConfig").WithTags("Discovery").ReturnsDiscovery<ScimServiceProviderConfig>();
        scim.MapGet("/ResourceTypes", async (IMediator mediator, CancellationToken ct) =>
            ScimResults.Ok(await mediator.Send(new ListResourceTypes.Query(), ct)))
            .WithName("ListResourceTypes").WithTags("Discovery").ReturnsDiscovery<ScimListResponse<ScimResourceType>>();
        scim.MapGet("/ResourceTypes/{id}", async (string id, IMediator mediator, CancellationToken ct) =>
            ScimResults.Ok(await mediator.Send(new GetResourceType.Query(id), ct)))
            .WithName("GetResourceType").WithTags("Discovery").ReturnsDiscovery<ScimResourceType>(404);
        scim.MapGet("/Schemas", async (IMediator mediator, CancellationToken ct) =>
            ScimResults.Ok(await mediator.Send(new ListSchemas.Query(), ct)))
            .WithName("ListSchemas").WithTags("Discovery").ReturnsDiscovery<ScimListResponse<ScimSchema>>();
        scim.MapGet("/Schemas/{id}", async (string id, IMediator mediator, CancellationToken ct) =>
            ScimResults.Ok(await mediator.Send(new GetSchema.Query(id), ct)))
            .WithName("GetSchema").WithTags("Discovery").ReturnsDiscovery<ScimSchema>(404);
    }
}
