using Mediator;
using Scim.Api.Authorization;
using Scim.Api.Http;
using Scim.Api.OpenApi;
using Scim.Application.Features.Bulk;

namespace Scim.Api.Endpoints;

/// <summary>The /Bulk endpoint (RFC 7644 §3.7): binds the request, sends one slice message and maps its result.</summary>
public static class BulkEndpoints
{
    /// <summary>Maps /Bulk below <paramref name="scim"/>; its operations are writes (RFC 7644 §3.7 allows no GET), so it needs <see cref="ApiKeyPolicies.ScimWrite"/>.</summary>
    public static void MapBulk(this RouteGroupBuilder scim) =>
        scim.MapPost("/Bulk", ProcessBulkAsync).WithTags("Bulk").WithName("ProcessBulk").ProcessesBulk()
            .RequireAuthorization(ApiKeyPolicies.ScimWrite);

    // The body is read only up to maxPayloadSize (RFC 7644 §3.7.4), so a larger one never fills memory.
    private static async Task<IResult> ProcessBulkAsync(HttpContext context, IMediator mediator, BulkLimits limits, CancellationToken ct)
    {
        var body = await ScimRequestBody.ReadObjectAsync(context.Request, limits.MaxPayloadSize, limits.PayloadTooLarge(), ct);
        return body.IsSuccess
            ? ScimResults.Ok(await mediator.Send(new ProcessBulk.Command(body.Value!, ScimResults.ScimBaseUrl(context)), ct))
            : ScimResults.Error(body.Error);
    }
}
