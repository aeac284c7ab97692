using Mediator;
using Scim.Api.Authorization;
using Scim.Api.Http;
using Scim.Api.OpenApi;
using Scim.Application.Features.Users;
using Scim.Protocol.Patching;
using Scim.Protocol.Schemas;

namespace Scim.Api.Endpoints;

/// <summary>The /Users endpoints (RFC 7644 §3): each binds the request, sends one slice message and maps its result.</summary>
public static class UsersEndpoints
{
    /// <summary>Maps /Users below <paramref name="scim"/>: reads need <see cref="ApiKeyPolicies.ScimRead"/>, writes <see cref="ApiKeyPolicies.ScimWrite"/>.</summary>
    public static void MapUsers(this RouteGroupBuilder scim)
    {
        var users = scim.MapGroup("/Users").WithTags("Users");
        users.MapPost("/", CreateUserAsync).WithName("CreateUser").CreatesResource<ScimUser>().RequireAuthorization(ApiKeyPolicies.ScimWrite);
        users.MapGet("/", ListUsersAsync).WithName("ListUsers").ListsResources<ScimUser>().RequireAuthorization(ApiKeyPolicies.ScimRead);
        users.MapPost("/.search", SearchUsersAsync).WithName("SearchUsers").SearchesResources<ScimUser>().RequireAuthorization(ApiKeyPolicies.ScimRead);
        users.MapSearchMethodsNotAllowed();
        users.MapGet("/{id}", GetUserAsync).WithName("GetUser").ReturnsResource<ScimUser>().RequireAuthorization(ApiKeyPolicies.ScimRead);
        users.MapPut("/{id}", ReplaceUserAsync).WithName("ReplaceUser").ReplacesResource<ScimUser>().RequireAuthorization(ApiKeyPolicies.ScimWrite);
        users.MapPatch("/{id}", PatchUserAsync).WithName("PatchUser").PatchesResource<ScimUser>().RequireAuthorization(ApiKeyPolicies.ScimWrite);
        users.MapDelete("/{id}", DeleteUserAsync).WithName("DeleteUser").DeletesResource().RequireAuthorization(ApiKeyPolicies.ScimWrite);
    }

    private static async Task<IResult> CreateUserAsync(HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var body = await ScimRequestBody.ReadObjectAsync(context.Request, ct);
        return body.IsSuccess
            ? ScimResults.Created(await mediator.Send(new CreateUser.Command(body.Value!, ListRequest.Projection(context.Request, ResourceTypeDefinition.User)), ct))
            : ScimResults.Error(body.Error);
    }

    private static async Task<IResult> ListUsersAsync(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var query = ListRequest.ToQuery(request, ResourceTypeDefinition.User);
        return query.IsSuccess
            ? ScimResults.Ok(await mediator.Send(new ListUsers.Query(query.Value!), ct))
            : ScimResults.Error(query.Error);
    }

    private static async Task<IResult> SearchUsersAsync(HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var query = await SearchRequest.ReadAsync(context.Request, ResourceTypeDefinition.User, ct);
        return query.IsSuccess
            ? ScimResults.Ok(await mediator.Send(new ListUsers.Query(query.Value!), ct))
            : ScimResults.Error(query.Error);
    }

    private static async Task<IResult> GetUserAsync(string id, string? attributes, string? excludedAttributes, HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var ifNoneMatch = ScimPreconditions.IfNoneMatch(request);
        return ifNoneMatch.IsSuccess
            ? ScimResults.Ok(await mediator.Send(new GetUser.Query(id, ListRequest.Projection(attributes, excludedAttributes, ResourceTypeDefinition.User)), ct), ifNoneMatch.Value)
            : ScimResults.Error(ifNoneMatch.Error);
    }

    private static async Task<IResult> ReplaceUserAsync(string id, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var ifMatch = ScimPreconditions.IfMatch(context.Request);
        if (!ifMatch.IsSuccess)
        {
            return ScimResults.Error(ifMatch.Error);
        }

        var body = await ScimRequestBody.ReadObjectAsync(context.Request, ct);
        return body.IsSuccess
            ? ScimResults.Ok(await mediator.Send(new ReplaceUser.Command(id, body.Value!, ListRequest.Projection(context.Request, ResourceTypeDefinition.User), ifMatch.Value), ct))
            : ScimResults.Error(body.Error);
    }

    private static async Task<IResult> PatchUserAsync(string id, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var ifMatch = ScimPreconditions.IfMatch(context.Request);
        if (!ifMatch.IsSuccess)
        {
            return ScimResults.Error(ifMatch.Error);
        }

        var body = await ScimRequestBody.ReadAsync<PatchRequest>(context.Request, "PatchOp", ct);
        return body.IsSuccess
            ? ScimResults.Ok(await mediator.Send(new PatchUser.Command(id, body.Value!, ListRequest.Projection(context.Request, ResourceTypeDefinition.User), ifMatch.Value), ct))
            : ScimResults.Error(body.Error);
    }

    private static async Task<IResult> DeleteUserAsync(string id, HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var ifMatch = ScimPreconditions.IfMatch(request);
        return ifMatch.IsSuccess
            ? ScimResults.NoContent(await mediator.Send(new DeleteUser.Command(id, ifMatch.Value), ct))
            : ScimResults.Error(ifMatch.Error);
    }
}
