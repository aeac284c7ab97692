namespace Scim.Filtering.Ast;

/// <summary>
/// <c>[URI ":"] ATTRNAME ["." subAttr]</c> (RFC 7644 §3.4.2.2 <c>attrPath</c>, RFC 7643 §2.1 names).
/// Names keep the casing the client sent; consumers compare them case-insensitively (RFC 7643 §2.1).
/// </summary>
/// <param name="SchemaUri">The schema URN prefix, e.g. <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c>, or null.</param>
/// <param name="AttributeName">The attribute name, e.g. <c>emails</c> or <c>$ref</c>.</param>
/// <param name="SubAttributeName">The sub-attribute name after the dot, e.g. <c>value</c>, or null.</param>
public sealed record AttributePath(string? SchemaUri, string AttributeName, string? SubAttributeName)
{
    /// <summary>The path as written in a filter, e.g. <c>urn:ietf:params:scim:schemas:core:2.0:User:name.givenName</c>.</summary>
    public override string ToString()
    {
        var name = SubAttributeName is null ? AttributeName : $"{AttributeName}.{SubAttributeName}";
        return SchemaUri is null ? name : $"{SchemaUri}:{name}";
    }
}
