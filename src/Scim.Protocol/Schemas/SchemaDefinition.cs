namespace Scim.Protocol.Schemas;

/// <summary>
/// A schema (RFC 7643 §7), e.g. <c>urn:ietf:params:scim:schemas:core:2.0:User</c> with its attributes. The common
/// attributes <c>id</c>, <c>externalId</c> and <c>meta</c> (RFC 7643 §3.1) are not part of any schema; see
/// <see cref="CommonAttributes"/>.
/// </summary>
/// <param name="Id">The schema URN.</param>
/// <param name="Name">The human-readable name, e.g. <c>User</c>.</param>
/// <param name="Description">A description.</param>
/// <param name="Attributes">The top-level attributes.</param>
public sealed record SchemaDefinition(string Id, string Name, string Description, IReadOnlyList<AttributeDefinition> Attributes)
{
    /// <summary>Finds a top-level attribute by name, case-insensitively (RFC 7643 §2.1); null when there is none.</summary>
    public AttributeDefinition? FindAttribute(string name) => SchemaLookup.Find(Attributes, name);
}
