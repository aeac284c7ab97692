using Scim.Filtering.Ast;
using Scim.Filtering.Parsing;

namespace Scim.Filtering.Tests.Parsing;

/// <summary>A standalone <c>attrPath</c> (RFC 7644 §3.4.2.2): sortBy, attributes entries and body member names.</summary>
public sealed class ParseAttributePathTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("displayName", null, "displayName", null)]
    [InlineData("NAME.givenName", null, "NAME", "givenName")]
    [InlineData("$ref", null, "$ref", null)]
    [InlineData(Enterprise + ":manager.value", Enterprise, "manager", "value")]
    [InlineData(Enterprise, "urn:ietf:params:scim:schemas:extension:enterprise:2.0", "User", null)]
    [InlineData(Enterprise + ".department", "urn:ietf:params:scim:schemas:extension:enterprise:2.0", "User", "department")]
    public void ParseAttributePath_ValidPath_SplitsLikeFilterPaths(string text, string? schemaUri, string name, string? subAttribute)
    {
        Assert.Equal(new AttributePath(schemaUri, name, subAttribute), ScimFilterParser.ParseAttributePath(text));
    }

    [Theory]
    [InlineData("", 0, "Expected an attribute path at position 0 but found end of input.")]
    [InlineData(" displayName", 0, "Expected an attribute path at position 0 but found ' '.")]
    [InlineData("displayName ", 11, "Expected end of attribute path at position 11 but found ' '.")]
    [InlineData("display Name", 7, "end of attribute path")]
    [InlineData("emails[type eq \"work\"]", 6, "Expected end of attribute path at position 6 but found '['.")]
    [InlineData("displayName;", 11, "end of attribute path")]
    [InlineData("na$me", 2, "a letter, digit, '-' or '_'")]
    [InlineData("$foo", 0, "starting with a letter")]
    [InlineData("a.b.c", 3, "at most one sub-attribute")]
    [InlineData("foo:bar", 0, "'urn:'")]
    [InlineData("(displayName)", 0, "an attribute path")]
    public void ParseAttributePath_NotAnAttrPath_ThrowsInvalidPathAtPosition(string text, int position, string messagePart)
    {
        var error = Assert.Throws<ScimFilterException>(() => ScimFilterParser.ParseAttributePath(text));

        Assert.Equal(ScimFilterException.InvalidPath, error.ScimType);
        Assert.Equal(position, error.Position);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }
}
