using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors.Security;

namespace Scim.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.0 document of the administration API (<c>/admin</c>), apart from the SCIM document so SCIM clients never
/// see it: served by NSwag at <see cref="Path"/>, without authentication, and listed beside the SCIM document in Swagger UI.
/// Its endpoints carry the API Explorer group <see cref="Name"/>, which the SCIM document leaves out.
/// </summary>
public static class AdminOpenApiDocument
{
    /// <summary>The document's name, and the API Explorer group of the administration endpoints.</summary>
    public const string Name = "admin";

    /// <summary>The document's path.</summary>
    public const string Path = "/swagger/admin/swagger.json";

    private const string SecuritySchemeName = "Bearer";

    /// <summary>Registers the document generator.</summary>
    public static IServiceCollection AddAdminOpenApi(this IServiceCollection services) =>
        services.AddOpenApiDocument(settings =>
        {
            settings.DocumentName = Name;
            settings.ApiGroupNames = [Name];
            settings.Title = "SCIM administration";
            settings.Version = "v1";
            settings.Description = "Organizations and their API keys, for the deployment's operator (Authorization: Bearer <operator secret>, "
                + "whose hash is in Scim:Admin:OperatorKeys) and for an organization's keys with the admin scope (their own organization only). "
                + "Bodies are JSON; errors are SCIM error bodies (application/scim+json, status as a string, scimType, detail).";
            settings.AddSecurity(SecuritySchemeName, new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The operator secret (every endpoint), or an API key with the admin scope (the endpoints of its own organization).",
            });
            settings.OperationProcessors.Add(new AspNetCoreOperationSecurityScopeProcessor(SecuritySchemeName));
        });

    /// <summary>Serves the document (before authentication).</summary>
    public static IApplicationBuilder UseAdminOpenApi(this IApplicationBuilder app) => app.UseOpenApi(settings =>
    {
        settings.DocumentName = Name;
        settings.Path = Path;
        settings.PostProcess = (document, _) => document.Servers.Clear();
    });

    /// <summary>Leaves the administration endpoints out of the document <paramref name="settings"/> generates.</summary>
    public static void ExcludeAdministration(AspNetCoreOpenApiDocumentGeneratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.AddOperationFilter(context =>
            context is not AspNetCoreOperationProcessorContext { ApiDescription.GroupName: Name });
    }
}
