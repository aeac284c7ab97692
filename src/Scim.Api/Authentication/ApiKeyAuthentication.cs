using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Scim.Api.Authorization;

namespace Scim.Api.Authentication;

/// <summary>The server's API key authentication and scope authorization.</summary>
public static class ApiKeyAuthentication
{
    /// <summary>
    /// Registers the bearer API key scheme (<see cref="ApiKeyAuthenticationHandler"/>), the scope policies
    /// (<see cref="ApiKeyPolicies"/>) with their 403 answer, and the writer of the keys' last-used times (<see cref="ApiKeyOptions"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="ApiKeyOptions.LastUsedFlushInterval"/> is not positive; the message names the setting.</exception>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options.LastUsedFlushInterval > TimeSpan.Zero
            ? options
            : throw new InvalidOperationException("Scim:ApiKeys:LastUsedFlushInterval must be a positive time span, e.g. 00:01:00."));
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddApiKeyPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiKeyForbiddenResultHandler>();
        services.AddHostedService<ApiKeyUsageWriter>();
        return services;
    }
}
