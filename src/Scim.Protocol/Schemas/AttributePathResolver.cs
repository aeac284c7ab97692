using Scim.Filtering;
using Scim.Filtering.Ast;
using Scim.Filtering.Parsing;

namespace Scim.Protocol.Schemas;

/// <summary>
/// Resolves SCIM attribute paths against a <see cref="ResourceTypeDefinition"/>, for every place a client names an
/// attribute: the <c>attributes</c> and <c>excludedAttributes</c> parameters (RFC 7644 §3.4.2.5, §3.9), the PATCH
/// <c>path</c> (§3.5.2), the member names of a resource body or path-less PATCH value (§3.3, §3.5.2.1), and
/// <c>sortBy</c> (§3.4.2.3), which resolves with <see cref="Resolve(string, ResourceTypeDefinition)"/> and orders by
/// the <see cref="AttributeReference.Attribute"/> / <see cref="AttributeReference.SubAttribute"/> it gets back.
/// <para>
/// Text is parsed by the filter language's own parser (<see cref="ScimFilterParser"/>), so a path is an
/// <c>attrPath = [URI ":"] ATTRNAME *1subAttr</c> (§3.4.2.2) everywhere. Names match case-insensitively
/// (RFC 7643 §2.1). Accepted spellings: <c>displayName</c>; <c>name.givenName</c>; qualified with the core schema
/// URN (<c>urn:ietf:params:scim:schemas:core:2.0:User:name.givenName</c>) or an extension URN
/// (<c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>); the extension URN alone for
/// the whole extension object; the pre-2018 form that joins URN and attribute with a dot
/// (<c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department</c>), which Microsoft Entra still
/// sends; <c>schemas</c>; and an unqualified name that no core attribute has but exactly one extension defines
/// (Entra's legacy <c>manager</c>), which resolves to that extension.
/// </para>
/// </summary>
public static class AttributePathResolver
{
    /// <summary>The name of the <c>schemas</c> attribute (RFC 7643 §3).</summary>
    public const string SchemasAttributeName = "schemas";

    /// <summary>Resolves a parsed <c>attrPath</c>.</summary>
    /// <returns>The reference, or null when the path names nothing <paramref name="type"/> publishes.</returns>
    public static AttributeReference? Resolve(AttributePath attrPath, ResourceTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(attrPath);
        ArgumentNullException.ThrowIfNull(type);
        var (schemaUri, name, subName) = (attrPath.SchemaUri, attrPath.AttributeName, attrPath.SubAttributeName);
        if (schemaUri is null)
        {
            if (subName is null && string.Equals(name, SchemasAttributeName, StringComparison.OrdinalIgnoreCase))
            {
                return new AttributeReference(AttributeReferenceKind.Schemas, type.Schema);
            }

            return Within(type.Schema, name, subName, type) ?? InTheOnlyExtensionDefining(name, subName, type);
        }

        if (type.FindSchema(schemaUri) is { } schema)
        {
            return Within(schema, name, subName, type);
        }

        // The parser splits a URN-qualified path at its last ':', so the URN alone ("...:2.0:User") and the pre-2018
        // dot form ("...:2.0:User.department") arrive as schema "...:2.0", attribute "User", sub-attribute "department".
        if (type.FindSchema($"{schemaUri}:{name}") is not { } named)
        {
            return null;
        }

        if (subName is not null)
        {
            return Within(named, subName, null, type);
        }

        // The core schema's URN alone names no value of its own: core attributes sit at the top level of the resource.
        return named == type.Schema ? null : new AttributeReference(AttributeReferenceKind.Extension, named);
    }

    /// <summary>
    /// Parses and resolves a standalone <c>attrPath</c>: a <c>sortBy</c> value, one entry of <c>attributes</c> or
    /// <c>excludedAttributes</c>, or a member name of a resource body or path-less PATCH value.
    /// </summary>
    /// <returns>
    /// The reference; null when the path names nothing <paramref name="type"/> publishes; 400 <c>invalidPath</c> with
    /// the parser's message when the text is not an attrPath (a bracket filter, whitespace, <c>$</c> in a name).
    /// Where an unknown name is to be ignored, callers treat a malformed one the same way.
    /// </returns>
    public static Result<AttributeReference?> Resolve(string attrPath, ResourceTypeDefinition type)
    {
        var parsed = Parse(attrPath);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        return Resolve(parsed.Value!, type);
    }

    /// <summary>
    /// Resolves a member name inside an extension object (RFC 7643 §3.3), e.g. <c>department</c> in
    /// <c>{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R"}}</c>, as the path qualified
    /// with the extension's URN. Dotted names (<c>manager.value</c>) select a sub-attribute; URN-qualified names name
    /// nothing, since the object already fixes the schema.
    /// </summary>
    /// <returns>As <see cref="Resolve(string, ResourceTypeDefinition)"/>.</returns>
    public static Result<AttributeReference?> ResolveInExtension(string attrPath, SchemaDefinition extension, ResourceTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var parsed = Parse(attrPath);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        return parsed.Value!.SchemaUri is null ? Resolve(parsed.Value with { SchemaUri = extension.Id }, type) : (AttributeReference?)null;
    }

    /// <summary>
    /// Resolves a parsed PATCH path (<c>PATH = attrPath / valuePath [subAttr]</c>, RFC 7644 §3.5.2). For
    /// <c>emails[type eq "work"].value</c> the reference names <c>emails</c> with sub-attribute <c>value</c>; the
    /// bracket filter stays with the caller.
    /// </summary>
    /// <returns>
    /// The reference; null when the path names nothing <paramref name="type"/> publishes; 400 <c>invalidPath</c> for a
    /// sub-attribute of a simple attribute (<c>userName.x</c>, <c>active.value</c>), a bracket filter or
    /// <c>.subAttr</c> after a whole extension, a filter on a single-valued attribute, or a filter that names something
    /// other than a sub-attribute of the filtered attribute (<c>emails[foo eq "x"]</c>).
    /// </returns>
    public static Result<AttributeReference?> Resolve(PatchPath path, ResourceTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(path);
        var reference = Resolve(path.Attribute, type);
        if (reference is null && path.Attribute.SubAttributeName is { } inner
            && Resolve(path.Attribute with { SubAttributeName = null }, type)?.Attribute is { IsComplex: false } simple)
        {
            // An unknown name may belong to a schema this server does not publish, and is ignored; a sub-attribute of
            // a simple attribute can belong to none.
            return ScimError.InvalidPath(
                $"'{path}' selects '{inner}' inside '{simple.Name}', which is a {SchemaRenderer.CamelCase(simple.Type)} and has no sub-attributes.");
        }

        if (reference is null || (path.ValueFilter is null && path.SubAttributeName is null))
        {
            return reference;
        }

        if (reference.Kind == AttributeReferenceKind.Extension)
        {
            return ScimError.InvalidPath($"'{path}' cannot filter or select inside a schema extension object.");
        }

        if (reference.Kind == AttributeReferenceKind.Schemas)
        {
            return reference;
        }

        var attribute = reference.Attribute!;
        if (path.ValueFilter is not null && !attribute.MultiValued)
        {
            return ScimError.InvalidPath($"'{path}' applies a filter to '{attribute.Name}', which is not multi-valued.");
        }

        // A filter on a name the elements cannot have matches nothing, and an add or replace would then create an
        // element from it: refuse it, as a GET filter with that name is refused.
        if (path.ValueFilter is not null && UnknownInFilter(attribute, path.ValueFilter) is { } unknown)
        {
            return ScimError.InvalidPath(
                $"'{path}' filters on '{unknown}', which is not a sub-attribute of '{attribute.Name}' ({string.Join(", ", attribute.SubAttributes.Select(a => a.Name))}).");
        }

        if (path.SubAttributeName is null)
        {
            return reference;
        }

        var subAttribute = attribute.FindSubAttribute(path.SubAttributeName);
        return subAttribute is null ? (AttributeReference?)null : reference with { SubAttribute = subAttribute };
    }

    /// <summary>The first path in a bracket filter that names no sub-attribute of <paramref name="attribute"/>, or null.</summary>
    private static AttributePath? UnknownInFilter(AttributeDefinition attribute, FilterNode filter) => filter switch
    {
        LogicalFilter logical => UnknownInFilter(attribute, logical.Left) ?? UnknownInFilter(attribute, logical.Right),
        NotFilter not => UnknownInFilter(attribute, not.Inner),
        ComparisonFilter comparison => attribute.FindSubAttribute(comparison.Path) is null ? comparison.Path : null,
        PresentFilter present => attribute.FindSubAttribute(present.Path) is null ? present.Path : null,
        ValuePathFilter nested => nested.Path,
        _ => null,
    };

    private static Result<AttributePath> Parse(string attrPath)
    {
        ArgumentNullException.ThrowIfNull(attrPath);
        try
        {
            return ScimFilterParser.ParseAttributePath(attrPath);
        }
        catch (ScimFilterException exception)
        {
            return ScimError.InvalidPath(exception.Message);
        }
    }

    /// <summary><c>attr</c> or <c>attr.subAttr</c> inside <paramref name="schema"/>; common attributes count as core.</summary>
    private static AttributeReference? Within(SchemaDefinition schema, string name, string? subName, ResourceTypeDefinition type)
    {
        var attribute = schema == type.Schema ? type.FindAttribute(name) : schema.FindAttribute(name);
        if (attribute is null)
        {
            return null;
        }

        if (subName is null)
        {
            return new AttributeReference(AttributeReferenceKind.Attribute, schema, attribute);
        }

        var subAttribute = attribute.FindSubAttribute(subName);
        return subAttribute is null ? null : new AttributeReference(AttributeReferenceKind.Attribute, schema, attribute, subAttribute);
    }

    // Several extensions defining the name would make the unqualified path ambiguous; it then names nothing.
    private static AttributeReference? InTheOnlyExtensionDefining(string name, string? subName, ResourceTypeDefinition type)
    {
        var defining = type.Extensions.Select(e => e.Schema).Where(s => s.FindAttribute(name) is not null).Take(2).ToList();
        return defining.Count == 1 ? Within(defining[0], name, subName, type) : null;
    }
}
