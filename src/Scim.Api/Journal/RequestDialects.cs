using Scim.Domain.Journal;

namespace Scim.Api.Journal;

/// <summary>
/// Which provisioning client's dialect a request is in, for the journal. The server accepts every dialect on every
/// request (the PATCH engine takes Entra's legacy shapes and the RFC's alike), so nothing else depends on this.
/// </summary>
public static class RequestDialects
{
    /// <summary>
    /// Microsoft Entra ID's tenant URL flag for RFC-compliant PATCH requests (e.g. <c>https://scim.example.com/?aadOptscim062020</c>),
    /// a query parameter Entra keeps on each request.
    /// </summary>
    public const string EntraCompliantFlag = "aadOptscim062020";

    /// <summary>
    /// <see cref="RequestDialect.EntraAadOptscim062020"/> for a request with the <see cref="EntraCompliantFlag"/> query
    /// parameter; <see cref="RequestDialect.EntraLegacy"/> for one from Entra's provisioning service without it (its
    /// User-Agent names Azure AD SCIM provisioning); <see cref="RequestDialect.Okta"/> for a User-Agent starting with
    /// <c>Okta SCIM Client</c>; otherwise <see cref="RequestDialect.Other"/>.
    /// </summary>
    public static RequestDialect Detect(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.ContainsKey(EntraCompliantFlag))
        {
            return RequestDialect.EntraAadOptscim062020;
        }

        var userAgent = request.Headers.UserAgent.ToString();
        return userAgent.Contains("Azure AD SCIM", StringComparison.OrdinalIgnoreCase) ? RequestDialect.EntraLegacy
            : userAgent.StartsWith("Okta SCIM Client", StringComparison.OrdinalIgnoreCase) ? RequestDialect.Okta
            : RequestDialect.Other;
    }
}
