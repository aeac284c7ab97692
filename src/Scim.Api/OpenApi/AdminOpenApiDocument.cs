using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.Generation.TypeMappers;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using NSwag.Generation.Processors.Security;
using Scim.Api.Authorization;
using Scim.Api.Endpoints.Admin;
using Scim.Application.Features.Journal;

namespace Scim.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.0 document of the administration API (<c>/admin</c>), apart from the SCIM document so SCIM clients never
/// see it: served by NSwag at <see cref="Path"/>, without authentication, and listed beside the SCIM document in Swagger UI.
/// Its endpoints carry the API Explorer group <see cref="Name"/>, which the SCIM document leaves out. It describes the wire
/// as <see cref="AdminResults"/> writes it: enums as their camelCase names, members without a value left out (so every
/// member that is not nullable is required), ids as <c>uuid</c> strings, errors as SCIM error bodies.
/// </summary>
public static class AdminOpenApiDocument
{
    /// <summary>The document's name, and the API Explorer group of the administration endpoints.</summary>
    public const string Name = "admin";

    /// <summary>The document's path.</summary>
    public const string Path = "/swagger/admin/swagger.json";

    /// <summary>The format of ids, <c>uuid</c> as the OpenAPI format registry names it (RFC 9562), which generated clients type as GUIDs.</summary>
    internal const string UuidFormat = "uuid";

    private const string SecuritySchemeName = "Bearer";

    /// <summary>Registers the document generator.</summary>
    public static IServiceCollection AddAdminOpenApi(this IServiceCollection services) =>
        services.AddOpenApiDocument(settings =>
        {
            settings.DocumentName = Name;
            settings.ApiGroupNames = [Name];
            settings.Title = "SCIM administration";
            settings.Version = "v1";
            settings.Description = "Organizations, their API keys, erasure, change feed, activity and provisioning runs, for the deployment's "
                + "operator (Authorization: Bearer <operator secret>, whose hash is in Scim:Admin:OperatorKeys) and for an organization's keys "
                + "with the admin scope (their own organization only). Bodies are JSON: camelCase members, enums as camelCase names, times in "
                + "ISO 8601 UTC, members without a value left out. Errors are SCIM error bodies (application/scim+json, status as a string, "
                + "scimType, detail).";
            if (settings.SchemaSettings is SystemTextJsonSchemaGeneratorSettings json)
            {
                json.SerializerOptions = AdminResults.Options;
            }

            settings.SchemaSettings.SchemaNameGenerator = new AdminSchemaNameGenerator();
            settings.SchemaSettings.TypeMappers.Add(new PrimitiveTypeMapper(typeof(Guid), schema =>
            {
                schema.Type = JsonObjectType.String;
                schema.Format = UuidFormat;
            }));
            settings.SchemaSettings.SchemaProcessors.Add(new RequiredUnlessNullableProcessor());
            settings.AddSecurity(SecuritySchemeName, new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The operator secret (scimop_…; every endpoint), or an API key with the admin scope (the endpoints of its own organization).",
            });
            settings.OperationProcessors.Add(new AspNetCoreOperationSecurityScopeProcessor(SecuritySchemeName));
            settings.OperationProcessors.Add(new AdminOperationProcessor());
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

    /// <summary>
    /// Names the shapes as a client reads them: <c>Organization</c>, <c>ApiKey</c>, <c>CreatedApiKey</c>, <c>Erasure</c>,
    /// <c>ProvisioningRunsPage</c>, and <c>Error</c> as in the SCIM document (one SCIM error type for both).
    /// </summary>
    private sealed class AdminSchemaNameGenerator : ScimOpenApiDocument.ScimSchemaNameGenerator
    {
        public override string Generate(Type type)
        {
            if (type == typeof(ListProvisioningRuns.Page))
            {
                return "ProvisioningRunsPage";
            }

            if (type == typeof(ErasureBody))
            {
                return "Erasure";
            }

            return base.Generate(type).Replace("Admin", "", StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Marks every member of an answer that is not nullable as required: the answers leave out only members without a
    /// value, so a generated client may rely on the others. Request bodies have nullable members only, so none is required.
    /// </summary>
    private sealed class RequiredUnlessNullableProcessor : ISchemaProcessor
    {
        public void Process(SchemaProcessorContext context)
        {
            // A derived type (CreatedApiKey) has its own members in an allOf beside the reference to its base.
            foreach (var schema in context.Schema.AllOf.Where(s => !s.HasReference).Prepend(context.Schema))
            {
                foreach (var (name, property) in schema.Properties)
                {
                    if (property.IsNullableRaw != true)
                    {
                        schema.RequiredProperties.Add(name);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Documents what the endpoint metadata cannot: the ids in the paths (<c>uuid</c> strings, though any text is routed
    /// so that one that is no GUID gets the administration API's 404), the typed query parameters
    /// (<see cref="AdminParameters"/>), a description of each status, errors as <c>application/scim+json</c>, and a body
    /// that a 204 leaves out as nullable.
    /// </summary>
    private sealed class AdminOperationProcessor : IOperationProcessor
    {
        public bool Process(OperationProcessorContext context)
        {
            if (context is not AspNetCoreOperationProcessorContext { ApiDescription.ActionDescriptor.EndpointMetadata: { } metadata })
            {
                return true;
            }

            var operation = context.OperationDescription.Operation;
            foreach (var parameter in operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Path))
            {
                parameter.Schema = new JsonSchema { Type = JsonObjectType.String, Format = UuidFormat };
                parameter.Description = parameter.Name == AdminPolicies.OrganizationRouteValue
                    ? "The organization's id. An id of no organization the caller may see, or text that is no GUID, is 404."
                    : "The key's id, as the key list gives it. An id of no key of this organization, or text that is no GUID, is 404.";
            }

            ScimParameterMetadata.Apply(context, metadata);

            if (operation.RequestBody is { } body)
            {
                body.Name = body.Name is { Length: > 0 } name ? char.ToLowerInvariant(name[0]) + name[1..] : body.Name;
                body.Description = "JSON (application/json).";
            }

            // A body beside a 204 (an organization's DELETE: 202 with the erasure's progress, or 204 when it is gone at once)
            // is absent on the 204, so a client reads it as nullable: null for the 204.
            var mayBeEmpty = operation.Responses.ContainsKey("204");
            foreach (var (status, response) in operation.Responses)
            {
                if (mayBeEmpty && status.StartsWith('2'))
                {
                    foreach (var media in response.Content.Values)
                    {
                        media.Schema = new JsonSchema { IsNullableRaw = true, OneOf = { media.Schema } };
                    }
                }

                if (status.StartsWith('4') && response.Content.Values.FirstOrDefault() is { } error)
                {
                    response.Content.Clear();
                    response.Content[ScimOpenApiConventions.MediaTypes[0]] = error;
                }

                if (string.IsNullOrEmpty(response.Description))
                {
                    response.Description = Describe(status);
                }
            }

            return true;
        }

        private static string Describe(string status) => status switch
        {
            "200" => "OK.",
            "201" => "Created, with its URL in Location.",
            "202" => "Accepted: the work goes on in the background; Location says where to follow it.",
            "204" => "No Content.",
            "400" => "Bad request (SCIM error; scimType invalidValue, invalidSyntax or invalidCursor, detail naming what to fix).",
            "401" => "Missing, unknown, revoked or expired credential (SCIM error saying which, WWW-Authenticate: Bearer).",
            "403" => "The credential may not do this: a key without the admin scope, or a key where the operator credential is needed (SCIM error naming what is needed).",
            "404" => "No such organization or key for this caller: unknown, another organization's, being deleted, or an id that is no GUID (SCIM error).",
            "409" => "The name is taken (SCIM error, scimType uniqueness).",
            _ => "",
        };
    }
}
