namespace Scim.Protocol.Schemas;

/// <summary>What a resource key or path-less PATCH key names; see <see cref="AttributeKeyResolver"/>.</summary>
internal enum ResolvedKeyKind
{
    /// <summary>The <c>schemas</c> array, which the server recomputes.</summary>
    Schemas,

    /// <summary>A whole extension object, keyed by its URN.</summary>
    Extension,

    /// <summary>An attribute, or a sub-attribute of a complex attribute.</summary>
    Attribute,

    /// <summary>Nothing the server publishes; the key is ignored and reported.</summary>
    Unknown,
}

/// <summary>
/// A resolved key. For <see cref="ResolvedKeyKind.Attribute"/>, <see cref="Schema"/> is the schema whose object holds
/// the attribute (the core schema for core and common attributes), and <see cref="SubAttribute"/> is set for dotted
/// keys such as <c>name.givenName</c>.
/// </summary>
internal sealed record ResolvedKey(
    ResolvedKeyKind Kind, SchemaDefinition? Schema = null, AttributeDefinition? Attribute = null, AttributeDefinition? SubAttribute = null)
{
    /// <summary>The <c>schemas</c> key.</summary>
    public static readonly ResolvedKey SchemasKey = new(ResolvedKeyKind.Schemas);

    /// <summary>An unknown key.</summary>
    public static readonly ResolvedKey UnknownKey = new(ResolvedKeyKind.Unknown);
}
