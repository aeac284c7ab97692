using Mediator;
using Scim.Api.Authorization;
using Scim.Api.Http;
using Scim.Api.OpenApi;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Search;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Api.Endpoints;

/// <summary>The search of the root (RFC 7644 §3.4.2, §3.4.3): users and groups in one ListResponse.</summary>
public static class RootSearchEndpoints
{
    private const string Description =
        "Users and groups in one ListResponse (RFC 7644 §3.4.2, §3.4.3): users first, then groups, each in the server's order, "
        + "paged by startIndex across both (totalResults is the sum). meta.resourceType (User or Group) and schemas tell them apart. "
        + "An attribute only one type has is unassigned for the other (comparing it is false); one neither type has is 400 invalidFilter. "
        + "meta.resourceType eq \"Group\" keeps one type. "
        + "sortBy and cursor are 400 invalidValue here: use /Users or /Groups.";

    /// <summary>Maps <c>GET /</c> (the query parameters of a list) and <c>POST /.search</c> below <paramref name="scim"/>, both reads (<see cref="ApiKeyPolicies.ScimRead"/>).</summary>
    public static void MapRootSearch(this RouteGroupBuilder scim)
    {
        scim.MapGet("/", ListAllAsync).WithName("ListResources").WithTags("Resources").WithDescription(Description).ListsAllResources()
            .RequireAuthorization(ApiKeyPolicies.ScimRead);
        scim.MapPost("/.search", SearchAllAsync).WithName("SearchResources").WithTags("Resources").WithDescription(Description)
            .SearchesResources<ScimResource>().RequireAuthorization(ApiKeyPolicies.ScimRead);
        scim.MapSearchMethodsNotAllowed();
    }

    private static async Task<IResult> ListAllAsync(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var list = ListRequest.Read(request);
        return list.IsSuccess
            ? await SearchAsync(list.Value!.ToQuery(ResourceTypeDefinition.User), list.Value.ToQuery(ResourceTypeDefinition.Group), mediator, ct)
            : ScimResults.Error(list.Error);
    }

    private static async Task<IResult> SearchAllAsync(HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var body = await SearchRequest.ReadBodyAsync(context.Request, ct);
        return body.IsSuccess
            ? await SearchAsync(body.Value!.ToQuery(ResourceTypeDefinition.User), body.Value.ToQuery(ResourceTypeDefinition.Group), mediator, ct)
            : ScimResults.Error(body.Error);
    }

    // The projection is parsed for each type, so attributes of either are honoured.
    private static async Task<IResult> SearchAsync(Result<ListQuery> users, Result<ListQuery> groups, IMediator mediator, CancellationToken ct) =>
        users.IsSuccess && groups.IsSuccess
            ? ScimResults.Ok(await mediator.Send(new SearchResources.Query(users.Value!, groups.Value!), ct))
            : ScimResults.Error((users.IsSuccess ? groups.Error : users.Error)!);
}
