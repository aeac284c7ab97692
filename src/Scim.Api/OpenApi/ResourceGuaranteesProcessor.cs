using NJsonSchema.Generation;
using Scim.Application.Features.Groups;
using Scim.Application.Features.Users;

namespace Scim.Api.OpenApi;

/// <summary>
/// Says in the User, Group and Resource schemas what every answer carries, so that generated clients type those members
/// as non-nullable: <c>id</c> (RFC 7643 §3.1, required, readOnly, returned always), <c>userName</c> and the group's
/// <c>displayName</c> (RFC 7643 §4.1.1, §4.2, required) and <c>meta</c> (readOnly). A readOnly member that is required
/// is required in responses only (OpenAPI 3.0 Schema Object, <c>readOnly</c>), so a create still leaves <c>id</c> out.
/// </summary>
// The wire types keep these members nullable because the server also reads requests into them, where id and meta are
// absent and a missing userName is answered with 400 rather than a deserialisation failure.
internal sealed class ResourceGuaranteesProcessor : ISchemaProcessor
{
    private const string Narrowed = " Left out only when attributes or excludedAttributes leave it out (RFC 7644 §3.9).";

    public void Process(SchemaProcessorContext context)
    {
        // Each use of the type gets a schema that only refers to the one schema with the properties.
        var type = context.ContextualType.Type;
        if ((type != typeof(ScimUser) && type != typeof(ScimGroup) && type != typeof(ScimResource)) || context.Schema.HasReference)
        {
            return;
        }

        var properties = context.Schema.Properties;
        var id = properties["id"];
        id.IsReadOnly = true;
        id.IsRequired = true;
        id.IsNullableRaw = null;

        var meta = properties["meta"];
        meta.IsReadOnly = true;
        meta.IsNullableRaw = null;
        meta.Description += Narrowed;

        if (type == typeof(ScimResource))
        {
            return;
        }

        var name = properties[type == typeof(ScimUser) ? "userName" : "displayName"];
        name.IsRequired = true;
        name.IsNullableRaw = null;
        name.Description += Narrowed;
    }
}
