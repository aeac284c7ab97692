using Mediator;
using Scim.Api.Authorization;
using Scim.Api.Http;
using Scim.Api.OpenApi;
using Scim.Application.Features.Groups;
using Scim.Protocol.Patching;
using Scim.Protocol.Schemas;

namespace Scim.Api.Endpoints;

/// <summary>The /Groups endpoints (RFC 7644 §3): each binds the request, sends one slice message and maps its result.</summary>
public static class GroupsEndpoints
{
    /// <summary>Maps /Groups below <paramref name="scim"/>: reads need <see cref="ApiKeyPolicies.ScimRead"/>, writes <see cref="ApiKeyPolicies.ScimWrite"/>.</summary>
    public static void MapGroups(this RouteGroupBuilder scim)
    {
        var groups = scim.MapGroup("/Groups").WithTags("Groups");
        groups.MapPost("/", CreateGroupAsync).WithName("CreateGroup").CreatesResource<ScimGroup>().RequireAuthorization(ApiKeyPolicies.ScimWrite);
        groups.MapGet("/", ListGroupsAsync).WithName("ListGroups").ListsResources<ScimGroup>().RequireAuthorization(ApiKeyPolicies.ScimRead);
        groups.MapPost("/.search", SearchGroupsAsync).WithName("SearchGroups").SearchesResources<ScimGroup>().RequireAuthorization(ApiKeyPolicies.ScimRead);
        groups.MapSearchMethodsNotAllowed();
        groups.MapGet("/{id}", GetGroupAsync).WithName("GetGroup").ReturnsResource<ScimGroup>().RequireAuthorization(ApiKeyPolicies.ScimRead);
        groups.MapPut("/{id}", ReplaceGroupAsync).WithName("ReplaceGroup").ReplacesResource<ScimGroup>().RequireAuthorization(ApiKeyPolicies.ScimWrite);
        groups.MapPatch("/{id}", PatchGroupAsync).WithName("PatchGroup").PatchesResourceWithoutBody().RequireAuthorization(ApiKeyPolicies.ScimWrite);
        groups.MapDelete("/{id}", DeleteGroupAsync).WithName("DeleteGroup").DeletesResource().RequireAuthorization(ApiKeyPolicies.ScimWrite);
    }

    private static async Task<IResult> CreateGroupAsync(HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var body = await ScimRequestBody.ReadObjectAsync(context.Request, ct);
        return body.IsSuccess
            ? ScimResults.Created(await mediator.Send(new CreateGroup.Command(body.Value!, ListRequest.Projection(context.Request, ResourceTypeDefinition.Group)), ct))
            : ScimResults.Error(body.Error);
    }

    private static async Task<IResult> ListGroupsAsync(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var query = ListRequest.ToQuery(request, ResourceTypeDefinition.Group);
        return query.IsSuccess
            ? ScimResults.Ok(await mediator.Send(new ListGroups.Query(query.Value!), ct))
            : ScimResults.Error(query.Error);
    }

    private static async Task<IResult> SearchGroupsAsync(HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var query = await SearchRequest.ReadAsync(context.Request, ResourceTypeDefinition.Group, ct);
        return query.IsSuccess
            ? ScimResults.Ok(await mediator.Send(new ListGroups.Query(query.Value!), ct))
            : ScimResults.Error(query.Error);
    }

    private static async Task<IResult> GetGroupAsync(string id, string? attributes, string? excludedAttributes, HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var ifNoneMatch = ScimPreconditions.IfNoneMatch(request);
        return ifNoneMatch.IsSuccess
            ? ScimResults.Ok(await mediator.Send(new GetGroup.Query(id, ListRequest.Projection(attributes, excludedAttributes, ResourceTypeDefinition.Group)), ct), ifNoneMatch.Value)
            : ScimResults.Error(ifNoneMatch.Error);
    }

    private static async Task<IResult> ReplaceGroupAsync(string id, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var ifMatch = ScimPreconditions.IfMatch(context.Request);
        if (!ifMatch.IsSuccess)
        {
            return ScimResults.Error(ifMatch.Error);
        }

        var body = await ScimRequestBody.ReadObjectAsync(context.Request, ct);
        return body.IsSuccess
            ? ScimResults.Ok(await mediator.Send(new ReplaceGroup.Command(id, body.Value!, ListRequest.Projection(context.Request, ResourceTypeDefinition.Group), ifMatch.Value), ct))
            : ScimResults.Error(body.Error);
    }

    // Entra prefers 204 for group PATCH: returning the member list of a large group is neither needed nor cheap. A request
    // with attributes or excludedAttributes gets the group as they select it (200).
    private static async Task<IResult> PatchGroupAsync(string id, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var ifMatch = ScimPreconditions.IfMatch(context.Request);
        if (!ifMatch.IsSuccess)
        {
            return ScimResults.Error(ifMatch.Error);
        }

        var body = await ScimRequestBody.ReadAsync<PatchRequest>(context.Request, "PatchOp", ct);
        return body.IsSuccess
            ? ScimResults.OkOrNoContent(await mediator.Send(new PatchGroup.Command(id, body.Value!, ListRequest.Projection(context.Request, ResourceTypeDefinition.Group), ifMatch.Value), ct))
            : ScimResults.Error(body.Error);
    }

    private static async Task<IResult> DeleteGroupAsync(string id, HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var ifMatch = ScimPreconditions.IfMatch(request);
        return ifMatch.IsSuccess
            ? ScimResults.NoContent(await mediator.Send(new DeleteGroup.Command(id, ifMatch.Value), ct))
            : ScimResults.Error(ifMatch.Error);
    }
}
