using Scim.Api.Http;
using Scim.Protocol;

namespace Scim.Api.Endpoints;

/// <summary>The <c>/Me</c> alias (RFC 7644 §3.11), which this server does not implement.</summary>
public static class MeEndpoints
{
    /// <summary>
    /// Answers every method on <c>/Me</c> and below with 501 Not Implemented and a SCIM error body: requests authenticate
    /// with an organization's API key, which is no user, so there is no "me" to alias (§3.11 allows 501).
    /// </summary>
    public static void MapMe(this RouteGroupBuilder scim)
    {
        static IResult NotImplemented(HttpContext context) => ScimResults.Error(new ScimError(StatusCodes.Status501NotImplemented, null,
            $"{context.Request.Path} is not supported: requests authenticate with an organization API key, not as a user, so /Me names no "
            + "resource (RFC 7644 §3.11). Use /Users/{id}."));
        scim.Map("/Me", NotImplemented).ExcludeFromDescription();
        scim.Map("/Me/{**rest}", NotImplemented).ExcludeFromDescription();
    }
}
