namespace Scim.Protocol.Schemas;

/// <summary>
/// A resource type (RFC 7643 §6): its name (<c>User</c>), endpoint (<c>/Users</c>), core schema and extensions.
/// </summary>
/// <param name="Name">The resource type name, also <c>meta.resourceType</c>.</param>
/// <param name="Endpoint">The relative endpoint, e.g. <c>/Users</c>.</param>
/// <param name="Description">A description.</param>
/// <param name="Schema">The core schema.</param>
/// <param name="Extensions">The schema extensions.</param>
public sealed record ResourceTypeDefinition(
    string Name, string Endpoint, string Description, SchemaDefinition Schema, IReadOnlyList<SchemaExtension> Extensions)
{
    /// <summary>The User resource type: core User schema plus the optional enterprise extension.</summary>
    public static readonly ResourceTypeDefinition User = new(
        "User", "/Users", "User Account", UserSchema.Definition, [new SchemaExtension(EnterpriseUserSchema.Definition, Required: false)]);

    /// <summary>The Group resource type: core Group schema, no extensions.</summary>
    public static readonly ResourceTypeDefinition Group = new("Group", "/Groups", "Group", GroupSchema.Definition, []);

    /// <summary>Both resource types, in discovery order.</summary>
    public static readonly IReadOnlyList<ResourceTypeDefinition> All = [User, Group];

    /// <summary>The core schema followed by the extension schemas.</summary>
    public IEnumerable<SchemaDefinition> AllSchemas => Extensions.Select(e => e.Schema).Prepend(Schema);

    /// <summary>Finds a core-schema or common attribute (<c>id</c>, <c>externalId</c>, <c>meta</c>) by name, case-insensitively.</summary>
    public AttributeDefinition? FindAttribute(string name) => Schema.FindAttribute(name) ?? CommonAttributes.Find(name);

    /// <summary>Finds a schema of this type (core or extension) by URN, case-insensitively (RFC 7643 §2.1).</summary>
    public SchemaDefinition? FindSchema(string urn) =>
        AllSchemas.FirstOrDefault(s => string.Equals(s.Id, urn, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds an extension schema by URN, case-insensitively.</summary>
    public SchemaDefinition? FindExtension(string urn) =>
        Extensions.Select(e => e.Schema).FirstOrDefault(s => string.Equals(s.Id, urn, StringComparison.OrdinalIgnoreCase));
}
