using System.Security.Claims;
using Scim.Api.Authentication;
using Scim.Application.Common;
using Scim.Application.Common.Journal;

namespace Scim.Api.Journal;

/// <summary>
/// The origin of the current HTTP request (scoped), read once, when the journal first asks: the API key authentication
/// gave the request (<see cref="AuthenticatedApiKey"/>: id, prefix, label), or the operator (named <c>operator</c>, with
/// the start of the configured hash its secret matched as its prefix), the dialect (<see cref="RequestDialects"/>) and
/// the request id.
/// </summary>
internal sealed class HttpRequestOrigin(IHttpContextAccessor http, AuthenticatedApiKey key) : IRequestOrigin
{
    private RequestOrigin? current;

    public RequestOrigin Current => current ??= Read(http.HttpContext);

    private RequestOrigin Read(HttpContext? context)
    {
        if (context is null)
        {
            return RequestOrigin.None;
        }

        if (context.User.FindFirstValue(OperatorAuthenticationHandler.OperatorClaim) is { } entry)
        {
            // The operator has no key: the journal names it, and which configured secret it used.
            return new RequestOrigin(null, entry, OperatorAuthenticationHandler.ActorName, RequestDialects.Detect(context.Request), RequestId(context));
        }

        var known = key.Id != Guid.Empty;
        return new RequestOrigin(
            known ? key.Id : null,
            known ? key.Prefix : null,
            known ? key.Name : null,
            RequestDialects.Detect(context.Request),
            RequestId(context));
    }

    // The request's id as the request log line and the X-Request-Id response header give it (Observability.RequestLog):
    // the client's own when it sent a sane one, so its logs, the server's and the journal share an id.
    private static string RequestId(HttpContext context) => context.TraceIdentifier;
}
