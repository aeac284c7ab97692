namespace Scim.Protocol.Schemas;

/// <summary>
/// Resolves the keys of a resource body or of a path-less PATCH value (RFC 7644 §3.5.2.1/§3.5.2.3) to schema
/// attributes, case-insensitively (RFC 7643 §2.1). Accepted forms: <c>displayName</c>; dotted <c>name.givenName</c>;
/// URN-qualified <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber</c> (also with the
/// pre-2018 Entra dot separator <c>...:2.0:User.employeeNumber</c>); the extension URN itself; and <c>schemas</c>.
/// An unqualified name that only an extension defines (legacy Entra <c>manager</c>) resolves to that extension.
/// </summary>
internal static class AttributeKeyResolver
{
    /// <summary>Resolves <paramref name="key"/> for a resource of <paramref name="type"/>.</summary>
    public static ResolvedKey Resolve(string key, ResourceTypeDefinition type)
    {
        if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
        {
            return ResolvedKey.SchemasKey;
        }

        foreach (var schema in type.AllSchemas)
        {
            if (string.Equals(key, schema.Id, StringComparison.OrdinalIgnoreCase))
            {
                return schema == type.Schema ? ResolvedKey.UnknownKey : new ResolvedKey(ResolvedKeyKind.Extension, schema);
            }

            if (key.Length > schema.Id.Length + 1
                && key.StartsWith(schema.Id, StringComparison.OrdinalIgnoreCase)
                && key[schema.Id.Length] is ':' or '.')
            {
                return ResolveWithin(key[(schema.Id.Length + 1)..], schema, type);
            }
        }

        if (key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            return ResolvedKey.UnknownKey;
        }

        var resolved = ResolveWithin(key, type.Schema, type);
        if (resolved.Kind != ResolvedKeyKind.Unknown)
        {
            return resolved;
        }

        foreach (var extension in type.Extensions)
        {
            var inExtension = ResolveWithin(key, extension.Schema, type);
            if (inExtension.Kind != ResolvedKeyKind.Unknown)
            {
                return inExtension;
            }
        }

        return ResolvedKey.UnknownKey;
    }

    /// <summary>
    /// Resolves <c>attr</c> or <c>attr.sub</c> inside <paramref name="schema"/>; common attributes count as part of
    /// the core schema.
    /// </summary>
    public static ResolvedKey ResolveWithin(string key, SchemaDefinition schema, ResourceTypeDefinition type)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var attributeName = dot < 0 ? key : key[..dot];
        var attribute = schema == type.Schema ? type.FindAttribute(attributeName) : schema.FindAttribute(attributeName);
        if (attribute is null)
        {
            return ResolvedKey.UnknownKey;
        }

        if (dot < 0)
        {
            return new ResolvedKey(ResolvedKeyKind.Attribute, schema, attribute);
        }

        var subAttribute = attribute.FindSubAttribute(key[(dot + 1)..]);
        return subAttribute is null ? ResolvedKey.UnknownKey : new ResolvedKey(ResolvedKeyKind.Attribute, schema, attribute, subAttribute);
    }
}
