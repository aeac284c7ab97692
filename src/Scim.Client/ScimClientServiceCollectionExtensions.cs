using Microsoft.Extensions.DependencyInjection;

namespace Scim.Client;

/// <summary>Registers <see cref="IScimClient"/> as a typed client of <c>IHttpClientFactory</c>.</summary>
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
    public static IHttpClientBuilder AddScimClient(this IServiceCollection services, Uri baseUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var baseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return services
            .AddHttpClient<IScimClient, ScimClient>(client => client.BaseAddress = baseAddress)
            .AddHttpMessageHandler(() => new ScimBearerTokenHandler(token));
    }

    /// <inheritdoc cref="AddScimClient(IServiceCollection, Uri, string)"/>
    public static IHttpClientBuilder AddScimClient(this IServiceCollection services, string baseUrl, string token) =>
        services.AddScimClient(new Uri(baseUrl, UriKind.Absolute), token);
}
