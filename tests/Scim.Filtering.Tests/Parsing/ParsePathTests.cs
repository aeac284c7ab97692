using Scim.Filtering.Ast;
using Scim.Filtering.Parsing;

namespace Scim.Filtering.Tests.Parsing;

/// <summary>PATCH paths (RFC 7644 §3.5.2): <c>attrPath / valuePath [subAttr]</c>.</summary>
public sealed class ParsePathTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("displayName", "displayName")]
    [InlineData("name.givenName", "name.givenName")]
    [InlineData("members", "members")]
    [InlineData("x", "x")]
    [InlineData("$ref", "$ref")]
    [InlineData("  displayName  ", "displayName")]
    [InlineData("\tname.familyName\t", "name.familyName")]
    [InlineData("members[value eq \"2819c223-7f76\"]", "members[value eq \"2819c223-7f76\"]")]
    [InlineData("emails[type eq \"work\"].value", "emails[type eq \"work\"].value")]
    [InlineData("addresses[type eq \"work\"].Formatted", "addresses[type eq \"work\"].Formatted")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName", "urn:ietf:params:scim:schemas:core:2.0:User:name.familyName")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"].value", "urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"].value")]
    [InlineData("roles[primary eq \"True\"]", "roles[primary eq \"True\"]")]
    [InlineData("roles[primary eq true]", "roles[primary eq true]")]
    [InlineData("members[value eq \"a\" or value eq \"b\"]", "members[(value eq \"a\" or value eq \"b\")]")]
    [InlineData("emails[type eq \"work\" and primary eq true].display", "emails[(type eq \"work\" and primary eq true)].display")]
    [InlineData("EMAILS[TYPE EQ \"work\"].VALUE", "EMAILS[TYPE eq \"work\"].VALUE")]
    [InlineData("emails[not (type eq \"work\")]", "emails[not (type eq \"work\")]")]
    [InlineData("emails[value pr]", "emails[value pr]")]
    [InlineData("emails[ type eq \"work\" ]", "emails[type eq \"work\"]")]
    [InlineData("addresses[type eq \"work\" and (postalCode sw \"9\" or locality eq \"Paris\")].streetAddress", "addresses[(type eq \"work\" and (postalCode sw \"9\" or locality eq \"Paris\"))].streetAddress")]
    [InlineData("members[display eq \"José's Team\"]", "members[display eq \"José's Team\"]")]
    [InlineData("members[value eq \"a\\\"b\"]", "members[value eq \"a\\\"b\"]")]
    [InlineData("x509Certificates[value sw \"MII\"]", "x509Certificates[value sw \"MII\"]")]
    [InlineData("groups[value eq \"g1\"].$ref", "groups[value eq \"g1\"].$ref")]
    public void ParsePath_ValidPath_PrintsCanonicalPath(string text, string expected)
    {
        Assert.Equal(expected, ScimFilterParser.ParsePath(text).ToString());
    }

    [Fact]
    public void ParsePath_ValuePathWithSubAttribute_SplitsAttributeFilterAndSubAttribute()
    {
        var path = ScimFilterParser.ParsePath("emails[type eq \"work\"].value");

        var expectedFilter = new ComparisonFilter(new AttributePath(null, "type", null), ComparisonOperator.Eq, new Literal(LiteralKind.String, "work"));
        Assert.Equal(new PatchPath(new AttributePath(null, "emails", null), expectedFilter, "value"), path);
    }

    [Theory]
    [InlineData("displayName", null, "displayName", null)]
    [InlineData("name.givenName", null, "name", "givenName")]
    [InlineData(Enterprise + ":manager", Enterprise, "manager", null)]
    [InlineData(Enterprise + ":manager.value", Enterprise, "manager", "value")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName", "urn:ietf:params:scim:schemas:core:2.0:User", "name", "givenName")]
    public void ParsePath_AttributePath_HasNoFilter(string text, string? schemaUri, string name, string? subAttribute)
    {
        var path = ScimFilterParser.ParsePath(text);

        Assert.Equal(new PatchPath(new AttributePath(schemaUri, name, subAttribute), null, null), path);
    }

    [Theory]
    [InlineData("", 0, "Expected an attribute path at position 0 but found end of input.")]
    [InlineData("   ", 3, "an attribute path")]
    [InlineData("name..givenName", 5, "an attribute name")]
    [InlineData("a.b.c", 3, "at most one sub-attribute")]
    [InlineData("name.", 5, "an attribute name")]
    [InlineData(".name", 0, "an attribute path")]
    [InlineData("emails[type eq \"work\"", 21, "']'")]
    [InlineData("emails[", 7, "an attribute path")]
    [InlineData("emails[]", 7, "an attribute path")]
    [InlineData("emails]", 6, "'[' or end of path")]
    [InlineData("emails[type eq \"work\"].value.extra", 28, "Expected end of path at position 28 but found '.extra'.")]
    [InlineData("emails[type eq \"work\"].", 23, "a sub-attribute name")]
    [InlineData("emails[type eq \"work\"]x", 22, "end of path")]
    [InlineData("emails[type eq \"work\"]]", 22, "end of path")]
    [InlineData("emails[type eq \"work\"].value[x pr]", 28, "end of path")]
    [InlineData("emails[type eq \"work\"].value eq \"x\"", 29, "end of path")]
    [InlineData("emails[type eq \"w\"].1", 20, "a sub-attribute name")]
    [InlineData("a b", 2, "Expected '[' or end of path at position 2 but found 'b'.")]
    [InlineData("name.givenName x", 15, "end of path")]
    [InlineData("displayName eq \"x\"", 12, "'[' or end of path")]
    [InlineData("\"quoted\"", 0, "an attribute path")]
    [InlineData("(displayName)", 0, "an attribute path")]
    [InlineData("5", 0, "an attribute path")]
    [InlineData("name.givenName[x pr]", 14, "'[' only follows a multi-valued attribute")]
    [InlineData("emails[type[x pr]]", 11, "cannot be nested")]
    [InlineData("emails[type eq ]", 15, "a comparison value")]
    [InlineData("emails[type foo \"x\"]", 12, "a comparison operator")]
    [InlineData("emails[type eq \"w\\x\"]", 17, "an escape sequence")]
    [InlineData("emails[type eq \"w]", 18, "to end the string")]
    [InlineData("emails[a eq \"x\" or]", 18, "an attribute path")]
    [InlineData("emails[not type eq \"x\"]", 11, "'(' after 'not'")]
    [InlineData("foo:bar", 0, "'urn:'")]
    [InlineData("urn:foo", 0, "schema URN")]
    [InlineData("urn:a:b:", 8, "an attribute name")]
    [InlineData("_name", 0, "starting with a letter")]
    [InlineData("na$me", 2, "a letter, digit, '-' or '_'")]
    [InlineData("displayName;", 11, "'[' or end of path")]
    public void ParsePath_MalformedPath_ThrowsInvalidPathAtPosition(string text, int position, string messagePart)
    {
        var error = Assert.Throws<ScimFilterException>(() => ScimFilterParser.ParsePath(text));

        Assert.Equal(ScimFilterException.InvalidPath, error.ScimType);
        Assert.Equal(position, error.Position);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsePath_PathLongerThanLimit_ThrowsInvalidPath()
    {
        var error = Assert.Throws<ScimFilterException>(() => ScimFilterParser.ParsePath(new string('x', ScimFilterParser.MaxLength + 1)));

        Assert.Equal(ScimFilterException.InvalidPath, error.ScimType);
        Assert.Equal(ScimFilterParser.MaxLength, error.Position);
    }
}
