using Scim.Filtering.Ast;
using Scim.Filtering.Parsing;

namespace Scim.Filtering.Tests.Parsing;

/// <summary>Shapes of the tree beyond its printed form: URN splitting, literal values, the Entra form.</summary>
public sealed class ParseFilterStructureTests
{
    [Theory]
    [InlineData("userName pr", null, "userName", null)]
    [InlineData("name.givenName pr", null, "name", "givenName")]
    [InlineData("$ref pr", null, "$ref", null)]
    [InlineData("members.$ref pr", null, "members", "$ref")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber pr", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "employeeNumber", null)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value pr", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "manager", "value")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName pr", "urn:ietf:params:scim:schemas:core:2.0:User", "name", "givenName")]
    [InlineData("URN:IETF:params:scim:schemas:core:2.0:User:userName pr", "URN:IETF:params:scim:schemas:core:2.0:User", "userName", null)]
    [InlineData("urn:a:b pr", "urn:a", "b", null)]
    [InlineData("urn:example:v1.2.3:attr.sub pr", "urn:example:v1.2.3", "attr", "sub")]
    public void ParseFilter_AttributePath_SplitsSchemaNameAndSubAttribute(string text, string? schemaUri, string name, string? subAttribute)
    {
        var present = Assert.IsType<PresentFilter>(ScimFilterParser.ParseFilter(text));

        Assert.Equal(new AttributePath(schemaUri, name, subAttribute), present.Path);
    }

    [Theory]
    [InlineData("a eq \"x\"", "x")]
    [InlineData("a eq \"\"", "")]
    [InlineData("a eq \"a\\\"b\"", "a\"b")]
    [InlineData("a eq \"a\\\\b\"", "a\\b")]
    [InlineData("a eq \"a\\/b\"", "a/b")]
    [InlineData("a eq \"\\u00e9\"", "é")]
    [InlineData("a eq \"\\u00C9\"", "É")]
    [InlineData("a eq \"\\n\\r\\t\\b\\f\"", "\n\r\t\b\f")]
    [InlineData("a eq \"José's Team\"", "José's Team")]
    [InlineData("a eq \"  spaced  \"", "  spaced  ")]
    [InlineData("a eq \"tab\there\"", "tab\there")]
    [InlineData("a eq \"2011-05-13T04:42:34Z\"", "2011-05-13T04:42:34Z")]
    public void ParseFilter_StringLiteral_IsUnescaped(string text, string expected)
    {
        var comparison = Assert.IsType<ComparisonFilter>(ScimFilterParser.ParseFilter(text));

        Assert.Equal(new Literal(LiteralKind.String, expected), comparison.Value);
    }

    [Theory]
    [InlineData("a eq 0", "0")]
    [InlineData("a eq -0", "0")]
    [InlineData("a eq 7", "7")]
    [InlineData("a eq -7", "-7")]
    [InlineData("a eq 3.25", "3.25")]
    [InlineData("a eq 1e2", "100")]
    [InlineData("a eq 1E-2", "0.01")]
    [InlineData("a eq 2.5E+1", "25")]
    [InlineData("a eq 123456789012345678", "123456789012345678")]
    public void ParseFilter_NumberLiteral_IsDecimal(string text, string expected)
    {
        var comparison = Assert.IsType<ComparisonFilter>(ScimFilterParser.ParseFilter(text));

        Assert.Equal(LiteralKind.Number, comparison.Value.Kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<decimal>(comparison.Value.Value));
    }

    [Theory]
    [InlineData("a eq true", LiteralKind.Boolean, true)]
    [InlineData("a eq TRUE", LiteralKind.Boolean, true)]
    [InlineData("a eq false", LiteralKind.Boolean, false)]
    [InlineData("a eq False", LiteralKind.Boolean, false)]
    [InlineData("a eq null", LiteralKind.Null, null)]
    [InlineData("a eq NULL", LiteralKind.Null, null)]
    public void ParseFilter_KeywordLiteral_IsTyped(string text, LiteralKind kind, object? value)
    {
        var comparison = Assert.IsType<ComparisonFilter>(ScimFilterParser.ParseFilter(text));

        Assert.Equal(new Literal(kind, value), comparison.Value);
    }

    [Fact]
    public void ParseFilter_EntraValuePathWithSubAttribute_JoinsComparisonWithAnd()
    {
        var filter = ScimFilterParser.ParseFilter("emails[type eq \"work\"].value eq \"alice@contoso.example\"");

        var expected = new ValuePathFilter(
            new AttributePath(null, "emails", null),
            new LogicalFilter(
                LogicalOperator.And,
                new ComparisonFilter(new AttributePath(null, "type", null), ComparisonOperator.Eq, new Literal(LiteralKind.String, "work")),
                new ComparisonFilter(new AttributePath(null, "value", null), ComparisonOperator.Eq, new Literal(LiteralKind.String, "alice@contoso.example"))));
        Assert.Equal(expected, filter);
    }

    [Fact]
    public void ParseFilter_EntraValuePathWithPresent_JoinsPresentWithAnd()
    {
        var filter = ScimFilterParser.ParseFilter("emails[type eq \"work\"].value pr");

        var valuePath = Assert.IsType<ValuePathFilter>(filter);
        var and = Assert.IsType<LogicalFilter>(valuePath.Filter);
        Assert.Equal(LogicalOperator.And, and.Operator);
        Assert.Equal(new PresentFilter(new AttributePath(null, "value", null)), and.Right);
    }

    [Fact]
    public void ParseFilter_MaximumDepth_IsAccepted()
    {
        var text = new string('(', ScimFilterParser.MaxDepth) + "a pr" + new string(')', ScimFilterParser.MaxDepth);

        Assert.Equal("a pr", ScimFilterParser.ParseFilter(text).ToString());
    }

    [Fact]
    public void ParseFilter_LongFlatChainWithinLengthLimit_IsAccepted()
    {
        var text = string.Join(" or ", Enumerable.Repeat("a pr", 500));

        Assert.True(text.Length <= ScimFilterParser.MaxLength);
        Assert.IsType<LogicalFilter>(ScimFilterParser.ParseFilter(text));
    }
}
