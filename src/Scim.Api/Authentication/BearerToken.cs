namespace Scim.Api.Authentication;

/// <summary>Reads the bearer token of a request (RFC 6750 §2.1), for both authentication schemes and the journal.</summary>
public static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>The token of <c>Authorization: Bearer &lt;token&gt;</c> (scheme case-insensitive, white space trimmed); null without one.</summary>
    public static string? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}
