namespace Scim.Protocol.Schemas;

/// <summary>The core Group schema, <c>urn:ietf:params:scim:schemas:core:2.0:Group</c> (RFC 7643 §4.2, §8.7.1).</summary>
public static class GroupSchema
{
    /// <summary>
    /// <c>displayName</c>: required and unique per server (Microsoft Entra matches groups by it; RFC 7643 leaves
    /// both off), compared case-insensitively.
    /// </summary>
    public static readonly AttributeDefinition DisplayName = new()
    {
        Name = "displayName",
        Description = "A human-readable name for the Group.",
        Required = true,
        Uniqueness = Uniqueness.Server,
    };

    /// <summary>
    /// <c>members</c> {<c>value</c>, <c>$ref</c>, <c>display</c>, <c>type</c>}. <c>value</c> is marked required
    /// (RFC 7643 does not) because a member without an id is meaningless; the normaliser rejects such elements. It is
    /// case-exact, as ids are (RFC 7643 §3.1). <c>type</c> is immutable as in RFC 7643 §8.7.1 and must name the type of
    /// the resource <c>value</c> names. <c>$ref</c> (the member's URL on this server) and <c>display</c> (its
    /// displayName) are derived from <c>value</c> at every read, so they are readOnly here: a client's values are ignored.
    /// </summary>
    public static readonly AttributeDefinition Members = new()
    {
        Name = "members",
        Type = AttributeType.Complex,
        MultiValued = true,
        Description = "A list of members of the Group.",
        SubAttributes =
        [
            new() { Name = "value", Description = "Identifier of the member of this Group.", Required = true, CaseExact = true, Mutability = Mutability.Immutable },
            new()
            {
                Name = "$ref", Type = AttributeType.Reference, Description = "The URI corresponding to a SCIM resource that is a member of this Group.",
                ReferenceTypes = ["User", "Group"], CaseExact = true, Mutability = Mutability.ReadOnly,
            },
            new() { Name = "display", Description = "A human-readable name for the member.", Mutability = Mutability.ReadOnly },
            new()
            {
                Name = "type", Description = "A label indicating the type of resource, e.g., 'User' or 'Group'.",
                CanonicalValues = ["User", "Group"], Mutability = Mutability.Immutable,
            },
        ],
    };

    /// <summary>The schema.</summary>
    public static readonly SchemaDefinition Definition = new(ScimSchemaUris.Group, "Group", "Group", [DisplayName, Members]);
}
