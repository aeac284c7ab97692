namespace Scim.Protocol.Schemas;

/// <summary>What a resolved attribute path names; see <see cref="AttributeReference"/>.</summary>
public enum AttributeReferenceKind
{
    /// <summary>The <c>schemas</c> attribute of every resource (RFC 7643 §3), which no schema defines and the server recomputes.</summary>
    Schemas,

    /// <summary>A whole schema extension object, named by its URN (RFC 7643 §3.3).</summary>
    Extension,

    /// <summary>An attribute, or a sub-attribute of a complex attribute.</summary>
    Attribute,
}

/// <summary>
/// An attribute path resolved against a resource type by <see cref="AttributePathResolver"/>: the schema, attribute
/// and sub-attribute it names, whichever of the accepted spellings the client used.
/// </summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Schema">
/// The schema whose JSON object holds the named value: the core schema for core and common attributes
/// (<c>id</c>, <c>externalId</c>, <c>meta</c>) and for <c>schemas</c>; the extension for extension attributes and for
/// a whole extension.
/// </param>
/// <param name="Attribute">The attribute for <see cref="AttributeReferenceKind.Attribute"/>, else null.</param>
/// <param name="SubAttribute">The sub-attribute of a <c>attr.subAttr</c> path, else null.</param>
public sealed record AttributeReference(
    AttributeReferenceKind Kind, SchemaDefinition Schema, AttributeDefinition? Attribute = null, AttributeDefinition? SubAttribute = null)
{
    /// <summary>
    /// The canonical attrPath: fully qualified with the schema URN for attributes (RFC 7644 §3.10), e.g.
    /// <c>urn:ietf:params:scim:schemas:core:2.0:User:name.givenName</c>; the URN alone for a whole extension;
    /// <c>schemas</c>. It resolves back to an equal reference.
    /// </summary>
    public override string ToString() => Kind switch
    {
        AttributeReferenceKind.Schemas => AttributePathResolver.SchemasAttributeName,
        AttributeReferenceKind.Extension => Schema.Id,
        _ => SubAttribute is null ? $"{Schema.Id}:{Attribute!.Name}" : $"{Schema.Id}:{Attribute!.Name}.{SubAttribute.Name}",
    };
}
