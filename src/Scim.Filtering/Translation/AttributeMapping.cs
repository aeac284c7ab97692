using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>One filterable attribute registered in a <see cref="FilterAttributeMap{T}"/>.</summary>
/// <param name="path">The registered path, used in error messages.</param>
internal abstract class AttributeMapping(string path)
{
    /// <summary>The registered path, e.g. <c>name.givenName</c>.</summary>
    public string Path { get; } = path;

    /// <summary>A translation error: <c>invalidFilter</c>, not tied to a text position.</summary>
    public static ScimFilterException Error(string message) => new(message, -1, ScimFilterException.InvalidFilter);

    /// <summary>The error for an operator that the attribute's type does not support.</summary>
    protected ScimFilterException OperatorNotAllowed(ComparisonOperator op, string typeName, string allowed) =>
        Error($"The operator '{op.ToString().ToLowerInvariant()}' is not allowed for the {typeName} attribute '{Path}'; use {allowed}.");

    /// <summary>The error for a comparison value of the wrong JSON type.</summary>
    protected ScimFilterException ValueTypeMismatch(Literal value, string typeName, string expected) =>
        Error($"The {typeName} attribute '{Path}' must be compared with {expected} but found {value.Kind.ToString().ToLowerInvariant()} {value}.");
}
