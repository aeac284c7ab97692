namespace Scim.Protocol.Schemas;

/// <summary>
/// Builders for the attribute shapes that recur across RFC 7643 §8.7.1, so each schema file lists only what is
/// particular to an attribute.
/// </summary>
internal static class AttributeFactory
{
    /// <summary>A single-valued, optional, readWrite string attribute.</summary>
    public static AttributeDefinition Text(string name, string description, bool caseExact = false) =>
        new() { Name = name, Description = description, CaseExact = caseExact };

    /// <summary>A single-valued, optional boolean attribute.</summary>
    public static AttributeDefinition Boolean(string name, string description) =>
        new() { Name = name, Type = AttributeType.Boolean, Description = description };

    /// <summary>A single-valued reference attribute (RFC 7643 §2.3.7) to the given resource types.</summary>
    public static AttributeDefinition Reference(string name, string description, params string[] referenceTypes) =>
        new() { Name = name, Type = AttributeType.Reference, Description = description, ReferenceTypes = referenceTypes };

    /// <summary>A single-valued complex attribute.</summary>
    public static AttributeDefinition Complex(string name, string description, params AttributeDefinition[] subAttributes) =>
        new() { Name = name, Type = AttributeType.Complex, Description = description, SubAttributes = subAttributes };

    /// <summary>
    /// The RFC 7643 §2.4 multi-valued shape: <c>value</c>, <c>display</c>, <c>type</c> (with the given canonical
    /// values) and <c>primary</c>; <paramref name="value"/> overrides the default string <c>value</c> (e.g. a
    /// reference for <c>photos</c>, binary for <c>x509Certificates</c>).
    /// </summary>
    public static AttributeDefinition MultiValued(
        string name, string description, IReadOnlyList<string> canonicalTypes, AttributeDefinition? value = null) =>
        new()
        {
            Name = name,
            Type = AttributeType.Complex,
            MultiValued = true,
            Description = description,
            SubAttributes =
            [
                value ?? Text("value", $"The value of the {name} entry."),
                Text("display", "A human-readable name, primarily used for display purposes."),
                TypeLabel(canonicalTypes),
                Primary(),
            ],
        };

    /// <summary>The <c>type</c> label of a multi-valued element, e.g. <c>work</c>.</summary>
    public static AttributeDefinition TypeLabel(IReadOnlyList<string> canonicalValues) =>
        new() { Name = "type", Description = "A label indicating the attribute's function.", CanonicalValues = canonicalValues };

    /// <summary>The <c>primary</c> flag of a multi-valued element (RFC 7643 §2.4: at most one element is primary).</summary>
    public static AttributeDefinition Primary() =>
        Boolean("primary", "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.");
}
