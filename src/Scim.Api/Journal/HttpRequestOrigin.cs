using System.Security.Claims;
using Scim.Api.Authentication;
using Scim.Application.Common;
using Scim.Application.Common.Journal;

namespace Scim.Api.Journal;

/// <summary>
/// The origin of the current HTTP request (scoped), read once, when the journal first asks: the API key from the claims
/// authentication gave the request (its id and name) and the bearer token's first characters (what <c>keys list</c> shows
/// as the key's prefix), or the operator (named <c>operator</c>, with the start of the configured hash its secret
/// matched as its prefix), the dialect (<see cref="RequestDialects"/>) and the request id.
/// </summary>
internal sealed class HttpRequestOrigin(IHttpContextAccessor http) : IRequestOrigin
{
    /// <summary>A request id longer than this is cut.</summary>
    public const int MaxRequestIdLength = 128;

    private RequestOrigin? current;

    public RequestOrigin Current => current ??= Read(http.HttpContext);

    private static RequestOrigin Read(HttpContext? context)
    {
        if (context is null)
        {
            return RequestOrigin.None;
        }

        var user = context.User;
        if (user.FindFirstValue(OperatorAuthenticationHandler.OperatorClaim) is { } entry)
        {
            // The operator has no key: the journal names it, and which configured secret it used.
            return new RequestOrigin(null, entry, OperatorAuthenticationHandler.ActorName, RequestDialects.Detect(context.Request), RequestId(context));
        }

        var keyId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        return new RequestOrigin(
            keyId,
            keyId is null ? null : TokenPrefix(context.Request),
            keyId is null ? null : user.FindFirstValue(ClaimTypes.Name),
            RequestDialects.Detect(context.Request),
            RequestId(context));
    }

    // The authenticated bearer token's prefix, as the key stores it (ApiKey.Prefix).
    private static string? TokenPrefix(HttpRequest request) =>
        BearerToken.Of(request) is { Length: >= ApiKeyToken.PrefixLength } token ? token[..ApiKeyToken.PrefixLength] : null;

    // The client's X-Request-Id when it sends one (so its own logs and the journal share an id), else the server's.
    private static string RequestId(HttpContext context)
    {
        var sent = context.Request.Headers["X-Request-Id"].ToString();
        var id = sent.Length > 0 ? Log.EscapeControlCharacters(sent) : context.TraceIdentifier;
        return id.Length > MaxRequestIdLength ? id[..MaxRequestIdLength] : id;
    }
}
