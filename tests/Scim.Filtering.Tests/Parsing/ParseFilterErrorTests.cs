using Scim.Filtering.Parsing;

namespace Scim.Filtering.Tests.Parsing;

/// <summary>Each row: malformed filter, 0-based error position, and a phrase the message must contain.</summary>
public sealed class ParseFilterErrorTests
{
    [Theory]
    // Empty input and missing parts.
    [InlineData("", 0, "Expected an attribute path at position 0 but found end of input.")]
    [InlineData("   ", 3, "an attribute path")]
    [InlineData("userName", 8, "a comparison operator")]
    [InlineData("userName eq", 11, "a comparison value")]
    [InlineData("userName eq ", 12, "a comparison value")]
    [InlineData("a gt", 4, "a comparison value")]
    [InlineData("a eq \"x\" and", 12, "an attribute path")]
    [InlineData("a eq \"x\" AND", 12, "an attribute path")]
    [InlineData("a eq \"x\" or", 11, "an attribute path")]
    [InlineData("a pr and", 8, "an attribute path")]
    [InlineData("a pr or", 7, "an attribute path")]
    [InlineData("a eq 1 or", 9, "an attribute path")]
    [InlineData("a pr and and b pr", 9, "but found 'and'")]
    [InlineData("a pr or or b pr", 8, "but found 'or'")]
    [InlineData("and pr", 0, "an attribute path")]
    // Unknown operators and bad comparison values.
    [InlineData("userName foo \"x\"", 9, "Expected a comparison operator (eq, ne, co, sw, ew, gt, ge, lt, le) or 'pr' at position 9 but found 'foo'.")]
    [InlineData("a = 1", 2, "but found '='")]
    [InlineData("a == 1", 2, "a comparison operator")]
    [InlineData("a and b", 2, "a comparison operator")]
    [InlineData("a equals 1", 2, "a comparison operator")]
    [InlineData("a 1 eq 1", 2, "a comparison operator")]
    [InlineData("eq \"x\"", 3, "a comparison operator")]
    [InlineData("a eq b", 5, "a comparison value")]
    [InlineData("a eq 'x'", 5, "but found '''")]
    [InlineData("a eq true1", 5, "a comparison value")]
    [InlineData("a eq nul", 5, "a comparison value")]
    [InlineData("a co @x", 5, "a comparison value")]
    [InlineData("a eq (1)", 5, "a comparison value")]
    [InlineData("a eq 01", 5, "but found '01'")]
    [InlineData("a eq 1.2.3", 5, "a comparison value")]
    [InlineData("a eq 12abc", 5, "but found '12abc'")]
    [InlineData("a eq 1.", 5, "a comparison value")]
    [InlineData("a eq -", 5, "a comparison value")]
    [InlineData("a eq .5", 5, "a comparison value")]
    [InlineData("a eq +1", 5, "a comparison value")]
    [InlineData("a eq 1e", 5, "a comparison value")]
    [InlineData("a eq 1e999", 5, "decimal range")]
    [InlineData("a eq 99999999999999999999999999999", 5, "decimal range")]
    // pr takes no value.
    [InlineData("title pr \"x\"", 9, "takes no comparison value")]
    [InlineData("title pr 5", 9, "takes no comparison value")]
    [InlineData("title pr true", 9, "takes no comparison value")]
    [InlineData("title pr null", 9, "takes no comparison value")]
    [InlineData("emails[type eq \"work\"].value pr \"x\"", 32, "takes no comparison value")]
    // Strings and escapes.
    [InlineData("userName eq \"x", 14, "to end the string that starts at position 12")]
    [InlineData("userName eq \"", 13, "to end the string")]
    [InlineData("a eq \"x\\\"", 9, "to end the string")]
    [InlineData("userName eq \"a\\qb\"", 14, "but found '\\q'")]
    [InlineData("a eq \"\\x41\"", 6, "an escape sequence")]
    [InlineData("a eq \"\\u00g1\"", 6, "but found '\\u00g1'")]
    [InlineData("a eq \"\\u00\"", 6, "an escape sequence")]
    [InlineData("a eq \"\\u\"", 6, "an escape sequence")]
    [InlineData("a eq \"abc\\", 9, "an escape sequence")]
    [InlineData("a eq \"\\'\"", 6, "an escape sequence")]
    // Parentheses and brackets.
    [InlineData("(a pr", 5, "Expected 'and', 'or' or ')' at position 5 but found end of input.")]
    [InlineData("((a pr)", 7, "')'")]
    [InlineData("a pr)", 4, "'and', 'or' or end of filter")]
    [InlineData("a pr))", 4, "end of filter")]
    [InlineData(")", 0, "an attribute path")]
    [InlineData("()", 1, "an attribute path")]
    [InlineData("(a pr))", 6, "end of filter")]
    [InlineData("not (a pr", 9, "')'")]
    [InlineData("not ()", 5, "an attribute path")]
    [InlineData("[a pr]", 0, "an attribute path")]
    [InlineData("emails[type eq \"work\"", 21, "Expected 'and', 'or' or ']' at position 21 but found end of input.")]
    [InlineData("emails[]", 7, "an attribute path")]
    [InlineData("emails[", 7, "an attribute path")]
    [InlineData("emails[type eq \"w\"]]", 19, "end of filter")]
    [InlineData("emails[type eq \"work\")", 21, "']'")]
    [InlineData("(emails[type eq \"work\")]", 22, "']'")]
    [InlineData("emails[a eq \"x\" or]", 18, "an attribute path")]
    // Nested brackets are not in the RFC grammar.
    [InlineData("emails[type[value eq 1]]", 11, "value filters cannot be nested")]
    [InlineData("emails[a eq 1 and b[c eq 1]]", 19, "cannot be nested")]
    [InlineData("emails[(b[c pr])]", 9, "cannot be nested")]
    [InlineData("emails[not (b[c pr])]", 13, "cannot be nested")]
    // "not" needs parentheses.
    [InlineData("not a pr", 4, "Expected '(' after 'not' at position 4 but found 'a'.")]
    [InlineData("not", 3, "'(' after 'not'")]
    [InlineData("a pr and not b pr", 13, "'(' after 'not'")]
    [InlineData("NOT a pr", 4, "'(' after 'not'")]
    [InlineData("not not (a pr)", 4, "'(' after 'not'")]
    [InlineData("emails[not type eq \"x\"]", 11, "'(' after 'not'")]
    // Trailing garbage.
    [InlineData("a eq 1 b eq 2", 7, "end of filter")]
    [InlineData("userName eq \"x\" foo", 16, "Expected 'and', 'or' or end of filter at position 16 but found 'foo'.")]
    [InlineData("a eq \"x\"\"y\"", 8, "end of filter")]
    [InlineData("a pr ;", 5, "but found ';'")]
    [InlineData("a pr (b pr)", 5, "end of filter")]
    [InlineData("a pr .", 5, "end of filter")]
    // Attribute names.
    [InlineData("\"x\" eq \"x\"", 0, "an attribute path")]
    [InlineData("5 eq 5", 0, "an attribute path")]
    [InlineData("1abc pr", 0, "but found '1abc'")]
    [InlineData("_abc pr", 0, "starting with a letter")]
    [InlineData("a$b pr", 1, "a letter, digit, '-' or '_'")]
    [InlineData("é eq 1", 0, "an attribute path")]
    [InlineData("a-é pr", 2, "a comparison operator")]
    [InlineData("name..givenName pr", 5, "Expected an attribute name at position 5 but found '.'.")]
    [InlineData("name.givenName.x pr", 14, "at most one sub-attribute")]
    [InlineData("name. pr", 5, "an attribute name")]
    [InlineData(".name pr", 0, "an attribute path")]
    [InlineData("name.1x pr", 5, "starting with a letter")]
    [InlineData("foo:bar pr", 0, "'urn:'")]
    [InlineData("urn:foo pr", 0, "schema URN")]
    [InlineData("urn:a:b: pr", 8, "an attribute name")]
    [InlineData("urn:a:b:c.d.e pr", 11, "at most one sub-attribute")]
    [InlineData("name.givenName[x pr]", 14, "'[' only follows a multi-valued attribute")]
    // Microsoft Entra form.
    [InlineData("emails[type eq \"work\"].", 23, "a sub-attribute name after '.'")]
    [InlineData("emails[type eq \"work\"].value", 28, "a comparison operator")]
    [InlineData("emails[type eq \"work\"].value eq", 31, "a comparison value")]
    [InlineData("emails[type eq \"work\"].value.extra eq 1", 28, "but found '.extra'")]
    [InlineData("emails[type eq \"work\"].5 eq 1", 23, "a sub-attribute name")]
    [InlineData("emails[type eq \"work\"].\"value\" eq 1", 23, "a sub-attribute name")]
    [InlineData("emails[type eq \"work\"].value[x pr]", 28, "a comparison operator")]
    [InlineData("emails[type eq \"work\"] eq 1", 23, "end of filter")]
    public void ParseFilter_MalformedText_ThrowsInvalidFilterAtPosition(string text, int position, string messagePart)
    {
        var error = Assert.Throws<ScimFilterException>(() => ScimFilterParser.ParseFilter(text));

        Assert.Equal(ScimFilterException.InvalidFilter, error.ScimType);
        Assert.Equal(position, error.Position);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(", "a pr", ")", 64)]
    [InlineData("not (", "a pr", ")", 324)]
    [InlineData("((", "a pr", "))", 64)]
    public void ParseFilter_NestingDeeperThanLimit_ThrowsInvalidFilter(string open, string inner, string close, int position)
    {
        var levels = open.Length == 2 ? ScimFilterParser.MaxDepth / 2 + 1 : ScimFilterParser.MaxDepth + 1;
        var text = string.Concat(Enumerable.Repeat(open, levels)) + inner + string.Concat(Enumerable.Repeat(close, levels));

        var error = Assert.Throws<ScimFilterException>(() => ScimFilterParser.ParseFilter(text));

        Assert.Equal(ScimFilterException.InvalidFilter, error.ScimType);
        Assert.Equal(position, error.Position);
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(ScimFilterParser.MaxLength)]
    public void ParseFilter_HostileDeepNesting_ThrowsInsteadOfOverflowingStack(int levels)
    {
        var text = new string('(', levels);

        var error = Assert.Throws<ScimFilterException>(() => ScimFilterParser.ParseFilter(text));

        Assert.Equal(ScimFilterException.InvalidFilter, error.ScimType);
        Assert.Equal(ScimFilterParser.MaxDepth, error.Position);
    }

    [Theory]
    [InlineData(ScimFilterParser.MaxLength + 1)]
    [InlineData(100_000)]
    public void ParseFilter_TextLongerThanLimit_ThrowsInvalidFilter(int length)
    {
        var text = "a eq \"" + new string('x', length - 7) + "\"";

        var error = Assert.Throws<ScimFilterException>(() => ScimFilterParser.ParseFilter(text));

        Assert.Equal(ScimFilterException.InvalidFilter, error.ScimType);
        Assert.Equal(ScimFilterParser.MaxLength, error.Position);
        Assert.Contains("at most 4096 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFilter_TextOfExactlyMaxLength_IsAccepted()
    {
        var text = "a eq \"" + new string('x', ScimFilterParser.MaxLength - 7) + "\"";

        Assert.Equal(ScimFilterParser.MaxLength, text.Length);
        Assert.IsType<Scim.Filtering.Ast.ComparisonFilter>(ScimFilterParser.ParseFilter(text));
    }

    [Fact]
    public void ParseFilter_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => ScimFilterParser.ParseFilter(null!));
    }
}
