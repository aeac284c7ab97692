namespace Scim.Protocol.Schemas;

/// <summary>A schema extension of a resource type (RFC 7643 §6 <c>schemaExtensions</c>).</summary>
/// <param name="Schema">The extension schema.</param>
/// <param name="Required">True when every resource of the type must carry the extension.</param>
public sealed record SchemaExtension(SchemaDefinition Schema, bool Required);
