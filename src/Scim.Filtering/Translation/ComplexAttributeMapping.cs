using System.Linq.Expressions;

namespace Scim.Filtering.Translation;

/// <summary>
/// A single-valued complex attribute (RFC 7643 §2.3.8) such as <c>name</c>, whose sub-attributes are registered on
/// their own (<c>name.givenName</c>). RFC 7644 §3.4.2.2: "If the attribute is complex, it has a value if any of its
/// sub-attributes are present", so <c>name pr</c> is the disjunction of the sub-attributes' <c>pr</c>. Other
/// operators need a sub-attribute to compare: <see cref="DefaultSubAttribute"/> when the attribute has one, otherwise
/// the filter is refused.
/// </summary>
/// <param name="path">The registered path.</param>
/// <param name="subAttributes">The filterable sub-attributes.</param>
/// <param name="defaultSubAttribute">The sub-attribute compared by <c>attr op value</c>, or null.</param>
internal sealed class ComplexAttributeMapping(string path, IReadOnlyList<ScalarAttributeMapping> subAttributes, string? defaultSubAttribute)
    : AttributeMapping(path)
{
    /// <summary>The sub-attribute compared by <c>attr op value</c>, or null when only <c>pr</c> applies to the attribute alone.</summary>
    public string? DefaultSubAttribute { get; } = defaultSubAttribute;

    /// <summary><c>attr pr</c>: any sub-attribute is present.</summary>
    public Expression Present(Expression instance) => subAttributes.Select(s => s.Present(instance)).Aggregate(Expression.OrElse);

    /// <summary>The error for <c>attr op value</c> when there is no <see cref="DefaultSubAttribute"/>.</summary>
    public ScimFilterException NotComparable(string filterPath) =>
        Error($"'{filterPath}' is a complex attribute: compare one of its sub-attributes ({string.Join(", ", subAttributes.Select(s => s.Path))}), "
            + $"or test it with '{filterPath} pr' (any sub-attribute present).");
}
