using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>The untyped view of a <see cref="FilterAttributeMap{T}"/> used while building expressions.</summary>
internal interface IFilterAttributeMap
{
    /// <summary>
    /// Finds the mapping for <paramref name="path"/>. For <c>emails.value</c> with only <c>emails</c> registered as
    /// multi-valued, returns the <c>emails</c> mapping and <c>value</c> as the sub-attribute still to resolve in its
    /// element map; otherwise the returned sub-attribute is null.
    /// </summary>
    /// <param name="path">The path from the filter.</param>
    /// <param name="parentPath">The multi-valued attribute whose element is being filtered, named in error messages; null at the resource level.</param>
    /// <exception cref="ScimFilterException">The attribute is unknown, not filterable, or ambiguous.</exception>
    (AttributeMapping Mapping, string? SubAttributeName) Resolve(AttributePath path, string? parentPath);

    /// <summary>Whether the resource type has the attribute <paramref name="path"/> names (filterable or not).</summary>
    bool Defines(AttributePath path);
}
