using Scim.Filtering.Ast;

namespace Scim.Filtering.Parsing;

/// <summary>
/// Reads <c>attrPath = [URI ":"] ATTRNAME *1subAttr</c> (RFC 7644 §3.4.2.2, figure 1) from one word token.
/// A path starting with <c>urn:</c> splits at its last <c>:</c>, because the URN itself may contain dots
/// (<c>...:enterprise:2.0:User:manager.value</c>); only the part after that colon has sub-attributes.
/// </summary>
internal static class AttributePathSyntax
{
    private const string UrnPrefix = "urn:";

    /// <summary>Parses <paramref name="word"/>, which starts at <paramref name="position"/> in the whole text.</summary>
    /// <exception cref="ScimFilterException">The word is not a valid attribute path.</exception>
    public static AttributePath Parse(string word, int position, string scimType)
    {
        string? schemaUri = null;
        var nameStart = 0;
        if (word.StartsWith(UrnPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var lastColon = word.LastIndexOf(':');
            if (lastColon < UrnPrefix.Length + 1)
            {
                throw Error("a schema URN followed by ':' and an attribute name", position, word, scimType);
            }

            schemaUri = word[..lastColon];
            nameStart = lastColon + 1;
        }
        else if (word.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            // Only URNs qualify attribute names in SCIM schemas (RFC 7643 §3.3); anything else is a typo.
            throw Error("an attribute name or a path qualified by a 'urn:' schema URN", position, word, scimType);
        }

        var dot = word.IndexOf('.', nameStart);
        var attributeName = ReadName(word, nameStart, dot < 0 ? word.Length : dot, position, scimType);
        string? subAttributeName = null;
        if (dot >= 0)
        {
            var secondDot = word.IndexOf('.', dot + 1);
            if (secondDot >= 0 && secondDot > dot + 1)
            {
                throw Error("at most one sub-attribute", position + secondDot, word[secondDot..], scimType);
            }

            subAttributeName = ReadName(word, dot + 1, secondDot < 0 ? word.Length : secondDot, position, scimType);
        }

        return new AttributePath(schemaUri, attributeName, subAttributeName);
    }

    /// <summary>Reads a bare <c>subAttr</c> name (the part after <c>].</c>), which must not contain further dots.</summary>
    public static string ParseName(string word, int position, string scimType, string expectedAfterName)
    {
        var dot = word.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            throw Error(expectedAfterName, position + dot, word[dot..], scimType);
        }

        return ReadName(word, 0, word.Length, position, scimType);
    }

    /// <summary><c>ATTRNAME = ALPHA *(nameChar)</c>, <c>nameChar = "-" / "_" / DIGIT / ALPHA</c>, or <c>$ref</c> (RFC 7643 §2.1).</summary>
    private static string ReadName(string word, int start, int end, int position, string scimType)
    {
        var name = word[start..end];
        if (name.Length == 0)
        {
            throw Error("an attribute name", position + start, start < word.Length ? word[start].ToString() : null, scimType);
        }

        if (name.Equals("$ref", StringComparison.OrdinalIgnoreCase))
        {
            return name;
        }

        if (!char.IsAsciiLetter(name[0]))
        {
            throw Error("an attribute name starting with a letter", position + start, name, scimType);
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(name[i]) && name[i] is not ('-' or '_'))
            {
                throw Error("a letter, digit, '-' or '_' in the attribute name", position + start + i, name[i].ToString(), scimType);
            }
        }

        return name;
    }

    private static ScimFilterException Error(string expected, int position, string? found, string scimType) =>
        new($"Expected {expected} at position {position} but found {(found is null ? "end of input" : $"'{found}'")}.", position, scimType);
}
