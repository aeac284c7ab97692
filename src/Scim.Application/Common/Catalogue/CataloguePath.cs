using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Protocol.Schemas;

namespace Scim.Application.Common.Catalogue;

/// <summary>
/// Where one catalogued attribute sits: the path filters and <c>sortBy</c> name it by (<c>name.givenName</c>, or
/// URN-qualified for an extension attribute), its schema definition, and its place in a canonical resource (RFC 7643
/// §3: core attributes at the top level, an extension's inside the object named by its URN).
/// </summary>
/// <param name="Name">The path as declared, e.g. <c>userName</c>, <c>name.givenName</c>,
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department</c>; for an element of a multi-valued
/// attribute, the sub-attribute name (<c>value</c>).</param>
/// <param name="Extension">The extension schema's URN when the attribute belongs to one; null for the core schema and
/// the common attributes.</param>
/// <param name="Attribute">The top-level attribute (or, in an element catalogue, the sub-attribute).</param>
/// <param name="SubAttribute">The sub-attribute of a single-valued complex attribute (<c>givenName</c> of <c>name</c>), or null.</param>
public sealed record CataloguePath(string Name, string? Extension, AttributeDefinition Attribute, AttributeDefinition? SubAttribute)
{
    /// <summary>The definition of the value itself: its type, caseExact, mutability and returned (RFC 7643 §2.2, §7).</summary>
    public AttributeDefinition Definition => SubAttribute ?? Attribute;

    /// <summary>The member name the value is written under in its JSON object, pre-encoded.</summary>
    public JsonEncodedText MemberName { get; } = JsonEncodedText.Encode((SubAttribute ?? Attribute).Name);

    /// <summary>The value's node in <paramref name="resource"/> (a canonical resource, or one element of a multi-valued attribute); null when absent.</summary>
    public JsonNode? Locate(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var container = Extension is null ? resource : resource[Extension] as JsonObject;
        var node = container?[Attribute.Name];
        return SubAttribute is null ? node : (node as JsonObject)?[SubAttribute.Name];
    }

    /// <summary>
    /// Resolves a declared path against the schemas of <paramref name="type"/> (core, extensions, then the common
    /// attributes <c>id</c>, <c>externalId</c>, <c>meta</c>). Declarations are the server's own, in canonical spelling,
    /// so a name that resolves to nothing is a programming error.
    /// </summary>
    /// <exception cref="InvalidOperationException">The path names no attribute of <paramref name="type"/>.</exception>
    public static CataloguePath Resolve(string path, ResourceTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var colon = path.LastIndexOf(':');
        var extension = colon < 0 ? null : type.FindExtension(path[..colon]);
        if (colon >= 0 && extension is null)
        {
            throw Unknown(path, type.Name);
        }

        var relative = colon < 0 ? path : path[(colon + 1)..];
        var dot = relative.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? relative : relative[..dot];
        var attribute = extension is not null ? extension.FindAttribute(name) : type.FindAttribute(name);
        var subAttribute = dot < 0 ? null : attribute?.FindSubAttribute(relative[(dot + 1)..]);
        if (attribute is null || (dot >= 0 && subAttribute is null))
        {
            throw Unknown(path, type.Name);
        }

        return new CataloguePath(path, extension?.Id, attribute, subAttribute);
    }

    /// <summary>Resolves a sub-attribute name of the elements of a multi-valued attribute.</summary>
    /// <exception cref="InvalidOperationException">The elements have no such sub-attribute.</exception>
    public static CataloguePath ResolveElement(string name, AttributeDefinition multiValued)
    {
        ArgumentNullException.ThrowIfNull(multiValued);
        return new CataloguePath(name, null, multiValued.FindSubAttribute(name) ?? throw Unknown(name, multiValued.Name), null);
    }

    private static InvalidOperationException Unknown(string path, string owner) =>
        new($"The catalogue names '{path}', which the schemas of {owner} do not define.");
}
