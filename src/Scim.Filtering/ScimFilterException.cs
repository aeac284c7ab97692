namespace Scim.Filtering;

/// <summary>
/// A filter or PATCH path that cannot be parsed or translated. The HTTP layer maps it to a 400 response with
/// <see cref="ScimType"/> as the <c>scimType</c> of the SCIM error (RFC 7644 §3.12, table 9).
/// </summary>
public sealed class ScimFilterException : Exception
{
    /// <summary>The <c>scimType</c> for a malformed or unsupported filter (RFC 7644 §3.12).</summary>
    public const string InvalidFilter = "invalidFilter";

    /// <summary>The <c>scimType</c> for a malformed PATCH path (RFC 7644 §3.12).</summary>
    public const string InvalidPath = "invalidPath";

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected at which position, e.g. <c>Expected a comparison operator at position 9 but found 'foo'.</c></param>
    /// <param name="position">The 0-based character offset of the error, or -1 when it concerns the filter as a whole.</param>
    /// <param name="scimType"><see cref="InvalidFilter"/> or <see cref="InvalidPath"/>.</param>
    public ScimFilterException(string message, int position, string scimType)
        : base(message)
    {
        Position = position;
        ScimType = scimType;
    }

    /// <summary>The 0-based character offset in the filter or path text, or -1 for errors found after parsing (unknown attribute, operator not allowed for the attribute's type).</summary>
    public int Position { get; }

    /// <summary><see cref="InvalidFilter"/> or <see cref="InvalidPath"/>.</summary>
    public string ScimType { get; }
}
