namespace Scim.Filtering.Ast;

/// <summary>
/// A PATCH operation target (RFC 7644 §3.5.2 <c>PATH = attrPath / valuePath [subAttr]</c>), e.g.
/// <c>displayName</c>, <c>name.givenName</c>, <c>members[value eq "2819c223"]</c>,
/// <c>emails[type eq "work"].value</c> or <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager</c>.
/// </summary>
/// <param name="Attribute">The attribute (with <see cref="AttributePath.SubAttributeName"/> when the path is <c>attr.sub</c> without a filter).</param>
/// <param name="ValueFilter">The filter inside the brackets, relative to each element, or null.</param>
/// <param name="SubAttributeName">The sub-attribute after <c>]</c> (as in <c>emails[type eq "work"].value</c>), or null.</param>
public sealed record PatchPath(AttributePath Attribute, FilterNode? ValueFilter, string? SubAttributeName)
{
    /// <summary>Canonical text, e.g. <c>emails[type eq "work"].value</c>.</summary>
    public override string ToString()
    {
        var filter = ValueFilter is null ? string.Empty : $"[{ValueFilter}]";
        var subAttribute = SubAttributeName is null ? string.Empty : $".{SubAttributeName}";
        return $"{Attribute}{filter}{subAttribute}";
    }
}
