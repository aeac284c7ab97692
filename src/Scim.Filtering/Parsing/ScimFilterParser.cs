using Scim.Filtering.Ast;

namespace Scim.Filtering.Parsing;

/// <summary>
/// Entry point of the SCIM filter language (RFC 7644 §3.4.2.2) and PATCH path language (RFC 7644 §3.5.2).
/// Operators and keywords are case-insensitive; attribute names keep their casing; any amount of whitespace may
/// separate tokens. Text is expected URL-decoded already.
/// </summary>
public static class ScimFilterParser
{
    /// <summary>Longest accepted text, in characters; longer input is refused before it is read.</summary>
    public const int MaxLength = 4096;

    /// <summary>Deepest accepted nesting of parentheses, <c>not ( )</c> and brackets, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Parses a <c>filter</c> query parameter, e.g. <c>userName eq "bjensen" and not (emails[type eq "work"])</c>.
    /// Also accepts Microsoft Entra's <c>emails[type eq "work"].value eq "x"</c> (see <see cref="ValuePathFilter"/>).
    /// </summary>
    /// <returns>The syntax tree; <see cref="object.ToString"/> prints it fully parenthesised.</returns>
    /// <exception cref="ScimFilterException">The text is empty, too long, too deeply nested or malformed; <see cref="ScimFilterException.ScimType"/> is <c>invalidFilter</c> and <see cref="ScimFilterException.Position"/> the offset of the offending token.</exception>
    public static FilterNode ParseFilter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FilterParser(text, ScimFilterException.InvalidFilter).ParseFilter();
    }

    /// <summary>
    /// Parses a PATCH operation <c>path</c>, e.g. <c>name.givenName</c>, <c>members[value eq "2819c223"]</c>,
    /// <c>emails[type eq "work"].value</c> or <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>.
    /// </summary>
    /// <exception cref="ScimFilterException">The path is empty, too long or malformed (including its bracket filter); <see cref="ScimFilterException.ScimType"/> is <c>invalidPath</c>.</exception>
    public static PatchPath ParsePath(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FilterParser(text, ScimFilterException.InvalidPath).ParsePath();
    }

    /// <summary>
    /// Parses one <c>attrPath</c> (<c>[URI ":"] ATTRNAME *1subAttr</c>, RFC 7644 §3.4.2.2 figure 1) that stands
    /// alone: a <c>sortBy</c> value (§3.4.2.3), one entry of <c>attributes</c> / <c>excludedAttributes</c>
    /// (§3.4.2.5, split at commas and trimmed by the caller), or a member name of a resource body or path-less PATCH
    /// value (§3.5.2.1), e.g. <c>userName</c>, <c>name.givenName</c> or
    /// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>. No bracket filter and no
    /// surrounding whitespace are allowed.
    /// </summary>
    /// <exception cref="ScimFilterException">The text is empty, too long, has whitespace around it or is not an attrPath; <see cref="ScimFilterException.ScimType"/> is <c>invalidPath</c>.</exception>
    public static AttributePath ParseAttributePath(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FilterParser(text, ScimFilterException.InvalidPath).ParseAttributePathOnly();
    }
}
