using Scim.Filtering;
using Scim.Filtering.Ast;
using Scim.Filtering.Parsing;
using Scim.Protocol.Schemas;

namespace Scim.Protocol.Patching;

/// <summary>
/// Turns a PATCH <c>path</c> into a <see cref="PatchTarget"/> (RFC 7644 §3.5.2): parses it with
/// <see cref="ScimFilterParser.ParsePath"/>, then looks the names up case-insensitively. URN-qualified paths
/// (<c>urn:...:enterprise:2.0:User:department</c>, the pre-2018 <c>...:2.0:User.department</c>, or the extension URN
/// alone for the whole extension object) select the extension; an unqualified name that only an extension defines
/// (legacy Entra <c>manager</c>) resolves to that extension.
/// </summary>
internal static class PatchTargetResolver
{
    /// <summary>Resolves <paramref name="path"/>.</summary>
    /// <returns>
    /// The target; null when the path names an attribute no published schema defines (the caller ignores it);
    /// 400 <c>invalidPath</c> with the parser's message for a malformed path; 400 <c>mutability</c> for a readOnly target.
    /// </returns>
    public static Result<PatchTarget?> Resolve(string path, ResourceTypeDefinition type)
    {
        PatchPath parsed;
        try
        {
            parsed = ScimFilterParser.ParsePath(path);
        }
        catch (ScimFilterException exception)
        {
            return ScimError.InvalidPath(exception.Message);
        }

        var (schema, attributeName, subAttributeName) = Locate(parsed.Attribute, type);
        if (schema is null)
        {
            return (PatchTarget?)null;
        }

        if (attributeName is null)
        {
            return parsed.ValueFilter is null && parsed.SubAttributeName is null
                ? new PatchTarget(schema, null, null, null, path)
                : ScimError.InvalidPath($"'{path}' cannot filter or select inside a schema extension object.");
        }

        var attribute = schema == type.Schema ? type.FindAttribute(attributeName) : schema.FindAttribute(attributeName);
        if (attribute is null && schema == type.Schema && parsed.Attribute.SchemaUri is null)
        {
            schema = type.Extensions.Select(e => e.Schema).FirstOrDefault(s => s.FindAttribute(attributeName) is not null);
            attribute = schema?.FindAttribute(attributeName);
        }

        if (attribute is null || schema is null)
        {
            return (PatchTarget?)null;
        }

        if (parsed.ValueFilter is not null && !attribute.MultiValued)
        {
            return ScimError.InvalidPath($"'{path}' applies a filter to '{attribute.Name}', which is not multi-valued.");
        }

        var subName = parsed.ValueFilter is null ? subAttributeName : parsed.SubAttributeName;
        AttributeDefinition? subAttribute = null;
        if (subName is not null)
        {
            subAttribute = attribute.FindSubAttribute(subName);
            if (subAttribute is null)
            {
                return (PatchTarget?)null;
            }
        }

        if (attribute.Mutability == Mutability.ReadOnly || subAttribute?.Mutability == Mutability.ReadOnly)
        {
            return ScimError.Mutability($"'{path}' is readOnly and cannot be modified (RFC 7643 §7).");
        }

        return new PatchTarget(schema, attribute, subAttribute, parsed.ValueFilter, path);
    }

    /// <summary>
    /// Finds the schema a parsed attribute path belongs to and the attribute and sub-attribute names inside it.
    /// Schema null = unknown URN; attribute null = the whole extension object.
    /// </summary>
    private static (SchemaDefinition? Schema, string? Attribute, string? SubAttribute) Locate(AttributePath path, ResourceTypeDefinition type)
    {
        if (path.SchemaUri is null)
        {
            return (type.Schema, path.AttributeName, path.SubAttributeName);
        }

        if (type.FindSchema(path.SchemaUri) is { } schema)
        {
            return (schema, path.AttributeName, path.SubAttributeName);
        }

        // The parser splits at the last ':', so "urn:...:2.0:User" and "urn:...:2.0:User.department" arrive as
        // SchemaUri "urn:...:2.0" with attribute "User".
        if (type.FindExtension($"{path.SchemaUri}:{path.AttributeName}") is { } extension)
        {
            return (extension, path.SubAttributeName, null);
        }

        return (null, null, null);
    }
}
