using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.Generation.TypeMappers;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using NSwag.Generation.Processors.Security;
using Scim.Application.Features.Groups;
using Scim.Application.Features.Users;
using Scim.Protocol.Patching;

namespace Scim.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.0 document of the SCIM API, served by NSwag at <c>/swagger/v1/swagger.json</c> with Swagger UI at
/// <c>/swagger</c> (which also lists <see cref="AdminOpenApiDocument"/>), both outside the SCIM path base and without
/// authentication. The administration endpoints are not in it.
/// </summary>
public static class ScimOpenApiDocument
{
    /// <summary>The document's name (the <c>v1</c> in its URL).</summary>
    public const string Name = "v1";

    /// <summary>The document's path.</summary>
    public const string Path = "/swagger/v1/swagger.json";

    private const string SecuritySchemeName = "Bearer";

    /// <summary>Registers the document generator.</summary>
    public static IServiceCollection AddScimOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        return services.AddOpenApiDocument(settings =>
        {
            settings.DocumentName = Name;
            AdminOpenApiDocument.ExcludeAdministration(settings);
            settings.Title = "SCIM 2.0";
            settings.Version = "v1";
            settings.Description = "Multi-tenant SCIM 2.0 service provider (RFC 7643, RFC 7644). Every SCIM request carries "
                + "Authorization: Bearer <API key>; the key's organization is the tenant. Bodies are application/scim+json "
                + "(application/json is accepted too); errors are SCIM error bodies with status as a string and a scimType.";
            settings.SchemaSettings.SchemaNameGenerator = new ScimSchemaNameGenerator();
            settings.SchemaSettings.TypeMappers.Add(new PrimitiveTypeMapper(typeof(JsonNode), _ => { }));
            settings.SchemaSettings.SchemaProcessors.Add(new ExtensibleResourceProcessor());
            settings.SchemaSettings.SchemaProcessors.Add(new ResourceGuaranteesProcessor());
            settings.AddSecurity(SecuritySchemeName, new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An organization API key: Authorization: Bearer <API key>. The scim scope allows every operation, read the "
                    + "reads (GET, POST /.search), write the writes (POST, PUT, PATCH, DELETE, POST /Bulk); discovery needs any of them.",
            });
            settings.OperationProcessors.Add(new AspNetCoreOperationSecurityScopeProcessor(SecuritySchemeName));
            settings.OperationProcessors.Add(new ScimOperationProcessor());
        });
    }

    /// <summary>Serves the document and Swagger UI (before authentication, so neither needs a key).</summary>
    public static IApplicationBuilder UseScimOpenApi(this IApplicationBuilder app) => app
        .UseOpenApi(settings =>
        {
            settings.DocumentName = Name;
            settings.Path = Path;

            // The document is the same for every caller and host; paths already carry the SCIM path base.
            settings.PostProcess = (document, _) => document.Servers.Clear();
        })
        .UseSwaggerUi(settings =>
        {
            settings.Path = "/swagger";
            settings.SwaggerRoutes.Add(new NSwag.AspNetCore.SwaggerUiRoute("SCIM 2.0", Path));
            settings.SwaggerRoutes.Add(new NSwag.AspNetCore.SwaggerUiRoute("Administration", AdminOpenApiDocument.Path));
        });

    /// <summary>
    /// Publishes the wire types under their RFC names: <c>User</c>, <c>Group</c>, <c>PatchOp</c>, <c>Error</c>,
    /// <c>ListResponseOfUser</c>, <c>Resource</c> (a user or a group).
    /// </summary>
    internal class ScimSchemaNameGenerator : DefaultSchemaNameGenerator
    {
        public override string Generate(Type type)
        {
            if (type == typeof(PatchRequest))
            {
                return "PatchOp";
            }

            if (type == typeof(ScimErrorDocument))
            {
                return "Error";
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ScimListResponse<>))
            {
                return "ListResponseOf" + Generate(type.GenericTypeArguments[0]);
            }

            var name = base.Generate(type);
            return name.Length > 4 && name.StartsWith("Scim", StringComparison.Ordinal) && char.IsUpper(name[4]) ? name[4..] : name;
        }
    }

    /// <summary>
    /// User and Group take attributes of schema extensions the document does not list (RFC 7643 §3.3); a Resource of the
    /// root search has the attributes of its type besides the common ones.
    /// </summary>
    private sealed class ExtensibleResourceProcessor : ISchemaProcessor
    {
        public void Process(SchemaProcessorContext context)
        {
            var type = context.ContextualType.Type;
            if (type == typeof(ScimUser) || type == typeof(ScimGroup) || type == typeof(ScimResource))
            {
                context.Schema.AllowAdditionalProperties = true;
                context.Schema.AdditionalPropertiesSchema = new JsonSchema
                {
                    Description = type == typeof(ScimResource)
                        ? "The other attributes of the resource's type (the User or Group schema), and of its schema extensions."
                        : "Attributes of further schema extensions, keyed by the extension's URN.",
                };
            }
        }
    }

    /// <summary>
    /// Applies <see cref="ScimParameterMetadata"/> and <see cref="ScimResponseHeaderMetadata"/>: the documented query
    /// parameters replace the ones inferred from handler signatures, so their names and types match RFC 7644. An
    /// endpoint's description (<c>WithDescription</c>) becomes its operation's.
    /// </summary>
    private sealed class ScimOperationProcessor : IOperationProcessor
    {
        public bool Process(OperationProcessorContext context)
        {
            if (context is not AspNetCoreOperationProcessorContext { ApiDescription.ActionDescriptor.EndpointMetadata: { } metadata })
            {
                return true;
            }

            var operation = context.OperationDescription.Operation;
            if (metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault() is { } description)
            {
                operation.Description = description.Description;
            }

            ScimParameterMetadata.Apply(context, metadata);

            if (operation.RequestBody is { } body && metadata.OfType<IAcceptsMetadata>().LastOrDefault()?.RequestType is { } bodyType)
            {
                var name = new ScimSchemaNameGenerator().Generate(bodyType);
                body.Name = char.ToLowerInvariant(name[0]) + name[1..];
                body.Description = $"The {name} as application/scim+json (application/json is accepted too).";
                WithScimMediaTypes(body.Content);
            }

            foreach (var (status, response) in operation.Responses)
            {
                WithScimMediaTypes(response.Content);
                if (string.IsNullOrEmpty(response.Description))
                {
                    response.Description = Describe(status);
                }
            }

            return true;
        }

        // Minimal APIs report one content type per body; SCIM bodies are application/scim+json first, application/json too.
        private static void WithScimMediaTypes(IDictionary<string, OpenApiMediaType> content)
        {
            if (content.Values.FirstOrDefault() is not { } mediaType)
            {
                return;
            }

            content.Clear();
            foreach (var name in ScimOpenApiConventions.MediaTypes)
            {
                content[name] = new OpenApiMediaType { Schema = mediaType.Schema };
            }
        }

        private static string Describe(string status) => status switch
        {
            "200" => "OK.",
            "201" => "Created: the new resource, with its URL in Location.",
            "204" => "No Content.",
            "304" => "Not Modified: the resource still has the version If-None-Match names (no body).",
            "400" => "Bad request (SCIM error; scimType invalidFilter, invalidSyntax, invalidValue, invalidPath, noTarget, mutability or tooMany).",
            "401" => "Missing, unknown, revoked or expired API key (SCIM error saying which, WWW-Authenticate: Bearer).",
            "403" => "The API key lacks the scope this operation needs (SCIM error naming it).",
            "404" => "No such resource in the caller's organization (SCIM error).",
            "409" => "A unique attribute value is already taken (SCIM error, scimType uniqueness).",
            "412" => "The resource has changed on the server: its version differs from If-Match, and nothing was changed (SCIM error, no scimType).",
            "413" => "More operations or a larger body than ServiceProviderConfig bulk allows (SCIM error naming the limit).",
            _ => "",
        };
    }
}
