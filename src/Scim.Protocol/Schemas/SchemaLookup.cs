namespace Scim.Protocol.Schemas;

/// <summary>Case-insensitive attribute lookup shared by schemas and complex attributes (RFC 7643 §2.1).</summary>
internal static class SchemaLookup
{
    /// <summary>Returns the attribute whose name equals <paramref name="name"/> ignoring case, or null.</summary>
    public static AttributeDefinition? Find(IReadOnlyList<AttributeDefinition> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }
}
