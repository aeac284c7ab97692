using System.Net.Http.Headers;

namespace Scim.Client;

/// <summary>
/// Sends <c>Authorization: Bearer &lt;token&gt;</c> with every request (RFC 7644 §2): an API key, or for the administration
/// API the operator secret.
/// </summary>
public sealed class ScimBearerTokenHandler : DelegatingHandler
{
    private readonly Func<CancellationToken, ValueTask<string>> tokenProvider;

    /// <summary>Sends a fixed token.</summary>
    /// <param name="token">The API key (or operator secret).</param>
    public ScimBearerTokenHandler(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        tokenProvider = _ => ValueTask.FromResult(token);
    }

    /// <summary>Asks <paramref name="tokenProvider"/> for the token on every request (for keys that rotate).</summary>
    /// <param name="tokenProvider">Returns the current API key (or operator secret).</param>
    public ScimBearerTokenHandler(Func<CancellationToken, ValueTask<string>> tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        this.tokenProvider = tokenProvider;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokenProvider(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
