using Scim.Filtering.Ast;

namespace Scim.Protocol.Schemas;

/// <summary>
/// One attribute definition of a schema (RFC 7643 §7 "attributes"), e.g. <c>emails</c> (complex, multi-valued)
/// with its sub-attributes <c>value</c>, <c>display</c>, <c>type</c>, <c>primary</c>. Defaults follow RFC 7643 §2.2:
/// string, single-valued, optional, not case-exact, readWrite, returned by default, no uniqueness.
/// Instances are identities: the static schema objects are compared by reference.
/// </summary>
public sealed class AttributeDefinition
{
    /// <summary>The canonical attribute name, e.g. <c>userName</c> or <c>$ref</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The data type.</summary>
    public AttributeType Type { get; init; } = AttributeType.String;

    /// <summary>True when the value is a JSON array of values.</summary>
    public bool MultiValued { get; init; }

    /// <summary>A human-readable description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>True when a resource must carry a value for this attribute.</summary>
    public bool Required { get; init; }

    /// <summary>True when string values compare case-sensitively (RFC 7643 §2.2).</summary>
    public bool CaseExact { get; init; }

    /// <summary>Whether a client may change the value.</summary>
    public Mutability Mutability { get; init; } = Mutability.ReadWrite;

    /// <summary>When the value is returned.</summary>
    public Returned Returned { get; init; } = Returned.Default;

    /// <summary>Uniqueness enforced by the server.</summary>
    public Uniqueness Uniqueness { get; init; } = Uniqueness.None;

    /// <summary>Suggested values, e.g. <c>work</c>, <c>home</c>, <c>other</c> for <c>emails.type</c>.</summary>
    public IReadOnlyList<string> CanonicalValues { get; init; } = [];

    /// <summary>For <see cref="AttributeType.Reference"/>: the referenced resource types, e.g. <c>User</c> or <c>external</c>.</summary>
    public IReadOnlyList<string> ReferenceTypes { get; init; } = [];

    /// <summary>For <see cref="AttributeType.Complex"/>: the sub-attributes.</summary>
    public IReadOnlyList<AttributeDefinition> SubAttributes { get; init; } = [];

    /// <summary>True for complex attributes.</summary>
    public bool IsComplex => Type == AttributeType.Complex;

    /// <summary>Finds a sub-attribute by name, case-insensitively (RFC 7643 §2.1); null when there is none.</summary>
    /// <param name="name">The sub-attribute name as the client sent it, e.g. <c>Value</c>.</param>
    public AttributeDefinition? FindSubAttribute(string name) => SchemaLookup.Find(SubAttributes, name);

    /// <summary>
    /// The sub-attribute a path inside this attribute's bracket filter names (RFC 7644 §3.4.2.2 <c>valFilter</c>,
    /// e.g. <c>type</c> in <c>emails[type eq "work"]</c>): a bare sub-attribute name, matched case-insensitively;
    /// null for a URN-qualified or dotted path, or a name the elements cannot have.
    /// </summary>
    /// <param name="path">A path from the bracket filter, relative to one element.</param>
    public AttributeDefinition? FindSubAttribute(AttributePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.SchemaUri is null && path.SubAttributeName is null ? FindSubAttribute(path.AttributeName) : null;
    }
}
