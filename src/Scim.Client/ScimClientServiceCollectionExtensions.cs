using Microsoft.Extensions.DependencyInjection;

namespace Scim.Client;

/// <summary>Registers <see cref="IScimClient"/> and <see cref="IScimAdminClient"/> as typed clients of <c>IHttpClientFactory</c>.</summary>
public static class ScimClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IScimClient"/> for the SCIM server at <paramref name="baseUrl"/> (e.g.
    /// <c>https://scim.example.com/</c> or <c>https://example.com/scim/v2</c>), authenticated with <paramref name="token"/>.
    /// Returns the client builder, so resilience handlers and the like can be added.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="baseUrl">The SCIM base URL; a trailing slash is added when missing.</param>
    /// <param name="token">The SCIM API key, sent as <c>Authorization: Bearer</c>.</param>
    public static IHttpClientBuilder AddScimClient(this IServiceCollection services, Uri baseUrl, string token) =>
        services.AddTypedClient<IScimClient, ScimClient>(baseUrl, token);

    /// <inheritdoc cref="AddScimClient(IServiceCollection, Uri, string)"/>
    public static IHttpClientBuilder AddScimClient(this IServiceCollection services, string baseUrl, string token) =>
        services.AddScimClient(new Uri(baseUrl, UriKind.Absolute), token);

    /// <summary>
    /// Registers <see cref="IScimAdminClient"/> for the administration API of the server at <paramref name="baseUrl"/>, the
    /// server's root (e.g. <c>https://scim.example.com/</c>; the administration API is at <c>/admin</c>, outside the SCIM
    /// path base), authenticated with <paramref name="token"/>. Returns the client builder, so resilience handlers and the
    /// like can be added.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="baseUrl">The server's root URL; a trailing slash is added when missing.</param>
    /// <param name="token">
    /// The operator secret (<c>scimop_…</c>; every organization, and creating and listing them) or an API key with the
    /// <c>admin</c> scope (its own organization only), sent as <c>Authorization: Bearer</c>.
    /// </param>
    public static IHttpClientBuilder AddScimAdminClient(this IServiceCollection services, Uri baseUrl, string token) =>
        services.AddTypedClient<IScimAdminClient, ScimAdminClient>(baseUrl, token);

    /// <inheritdoc cref="AddScimAdminClient(IServiceCollection, Uri, string)"/>
    public static IHttpClientBuilder AddScimAdminClient(this IServiceCollection services, string baseUrl, string token) =>
        services.AddScimAdminClient(new Uri(baseUrl, UriKind.Absolute), token);

    private static IHttpClientBuilder AddTypedClient<TClient, TImplementation>(this IServiceCollection services, Uri baseUrl, string token)
        where TClient : class
        where TImplementation : class, TClient
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        // The generated clients send paths relative to the base address, which only a trailing slash keeps whole.
        var baseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return services
            .AddHttpClient<TClient, TImplementation>(client => client.BaseAddress = baseAddress)
            .AddHttpMessageHandler(() => new ScimBearerTokenHandler(token));
    }
}
