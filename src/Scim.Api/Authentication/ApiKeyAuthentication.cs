using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Scim.Api.Authorization;
using Scim.Application.Common;

namespace Scim.Api.Authentication;

/// <summary>The server's bearer authentication (API keys and the operator) and its authorization policies.</summary>
public static class ApiKeyAuthentication
{
    /// <summary>
    /// The default scheme: forwards each request by its bearer token, an operator secret (<see cref="OperatorKeys.Marker"/>)
    /// to <see cref="OperatorAuthenticationHandler"/> and anything else to <see cref="ApiKeyAuthenticationHandler"/>, so
    /// every endpoint takes both and each token costs one scheme's check.
    /// </summary>
    public const string BearerScheme = "Bearer";

    /// <summary>
    /// Registers the bearer API key scheme (<see cref="ApiKeyAuthenticationHandler"/>), the operator scheme
    /// (<see cref="OperatorAuthenticationHandler"/>, its secrets' hashes read from <c>Scim:Admin</c> of
    /// <paramref name="configuration"/> as it reloads), the scope and administration policies (<see cref="ApiKeyPolicies"/>,
    /// <see cref="AdminPolicies"/>) with their 403 and 404 answers, and the writer of the keys' last-used times (<see cref="ApiKeyOptions"/>).
    /// </summary>
    /// <exception cref="InvalidSettingException"><see cref="ApiKeyOptions.LastUsedFlushInterval"/> is not positive; the message names the setting.</exception>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services, ApiKeyOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options.LastUsedFlushInterval > TimeSpan.Zero
            ? options
            : throw new InvalidSettingException($"Scim:ApiKeys:LastUsedFlushInterval '{options.LastUsedFlushInterval}' is not positive; set a time span such as 00:01:00."));
        services.Configure<AdminOptions>(configuration.GetSection("Scim:Admin"));
        services.AddSingleton<OperatorKeys>();
        services.AddAuthentication(BearerScheme)
            .AddPolicyScheme(BearerScheme, null, forward => forward.ForwardDefaultSelector = context =>
                BearerToken.Of(context.Request) is { } token && OperatorKeys.IsOperatorToken(token)
                    ? OperatorAuthenticationHandler.SchemeName
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, OperatorAuthenticationHandler>(OperatorAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddApiKeyPolicies().AddAdminPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiKeyForbiddenResultHandler>();
        services.AddHostedService<ApiKeyUsageWriter>();
        return services;
    }
}
