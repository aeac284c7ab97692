using Scim.Application.Common.Resources;
using Scim.Protocol;

namespace Scim.Api.Http;

/// <summary>
/// The conditional request headers of RFC 7644 §3.14 as the slices take them: each is null when the request has none,
/// <c>*</c>, or a list of entity tags (several fields are read as one list), and 400 invalidSyntax when it is neither.
/// </summary>
public static class ScimPreconditions
{
    /// <summary><c>If-Match</c> (RFC 9110 §13.1.1), which PUT, PATCH and DELETE honour.</summary>
    public static Result<ETagCondition?> IfMatch(HttpRequest request) => ETagCondition.Parse(request.Headers.IfMatch.ToString(), "If-Match");

    /// <summary><c>If-None-Match</c> (RFC 9110 §13.1.2), which GET of one resource honours.</summary>
    public static Result<ETagCondition?> IfNoneMatch(HttpRequest request) => ETagCondition.Parse(request.Headers.IfNoneMatch.ToString(), "If-None-Match");
}
