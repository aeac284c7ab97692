namespace Scim.Client.Tests;

/// <summary>The filter text <see cref="ScimFilter"/> writes (RFC 7644 §3.4.2.2) and the paths and values it refuses.</summary>
public sealed class ScimFilterTests
{
    public static TheoryData<ScimFilter, string> Filters => new()
    {
        { ScimFilter.Eq("userName", "bjensen"), "userName eq \"bjensen\"" },
        { ScimFilter.Eq("userName", "\" or userName pr or \""), "userName eq \"\\\" or userName pr or \\\"\"" },
        { ScimFilter.Eq("userName", "back\\slash"), "userName eq \"back\\\\slash\"" },
        { ScimFilter.Eq("userName", "tab\tline\nbell\u0007"), "userName eq \"tab\\tline\\nbell\\u0007\"" },
        { ScimFilter.Eq("userName", "ünïcødé 日本 <&>"), "userName eq \"ünïcødé 日本 <&>\"" },
        { ScimFilter.Ne("active", true), "active ne true" },
        { ScimFilter.Eq("active", false), "active eq false" },
        { ScimFilter.Gt("loginCount", 42), "loginCount gt 42" },
        { ScimFilter.Le("ratio", 1.50m), "ratio le 1.50" },
        { ScimFilter.Lt("ratio", 1e-7), "ratio lt 1E-07" },
        { ScimFilter.Ge("meta.lastModified", new DateTimeOffset(2011, 5, 13, 6, 42, 34, TimeSpan.FromHours(2))), "meta.lastModified ge \"2011-05-13T04:42:34Z\"" },
        { ScimFilter.Gt("meta.created", new DateTimeOffset(2011, 5, 13, 4, 42, 34, 250, TimeSpan.Zero)), "meta.created gt \"2011-05-13T04:42:34.25Z\"" },
        { ScimFilter.Co("emails.value", "@example.com"), "emails.value co \"@example.com\"" },
        { ScimFilter.Sw("name.familyName", "J"), "name.familyName sw \"J\"" },
        { ScimFilter.Ew("members.$ref", "/Users/1"), "members.$ref ew \"/Users/1\"" },
        { ScimFilter.Pr("title"), "title pr" },
        { ScimFilter.Eq("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "26118915"), "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\"" },
        { ScimFilter.And(ScimFilter.Pr("title"), ScimFilter.Eq("userType", "Employee"), ScimFilter.Ne("active", false)), "title pr and userType eq \"Employee\" and active ne false" },
        { ScimFilter.Or(ScimFilter.Pr("title"), ScimFilter.And(ScimFilter.Pr("nickName"), ScimFilter.Pr("locale"))), "title pr or nickName pr and locale pr" },
        { ScimFilter.And(ScimFilter.Pr("title"), ScimFilter.Or(ScimFilter.Pr("nickName"), ScimFilter.Pr("locale"))), "title pr and (nickName pr or locale pr)" },
        { ScimFilter.Pr("title") & (ScimFilter.Pr("nickName") | !ScimFilter.Pr("locale")), "title pr and (nickName pr or not (locale pr))" },
        { ScimFilter.Not(ScimFilter.Or(ScimFilter.Pr("title"), ScimFilter.Pr("nickName"))), "not (title pr or nickName pr)" },
        { ScimFilter.ValuePath("emails", ScimFilter.Eq("type", "work")), "emails[type eq \"work\"]" },
        { ScimFilter.ValuePath("emails", ScimFilter.Eq("type", "work") & ScimFilter.Co("value", "@example.com")) | ScimFilter.Pr("title"), "emails[type eq \"work\" and value co \"@example.com\"] or title pr" },
        { ScimFilter.And([ScimFilter.Pr("title")]), "title pr" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Writes_the_filter_text(ScimFilter filter, string expected)
    {
        Assert.Equal(expected, filter.ToString());
        string text = filter;
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("user name")]
    [InlineData("userName eq \"x\" or userName")]
    [InlineData("userName\"")]
    [InlineData("emails[type")]
    [InlineData("name.givenName.first")]
    [InlineData("name.")]
    [InlineData(".name")]
    [InlineData("1name")]
    [InlineData("na%me")]
    [InlineData("urn:userName")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:")]
    [InlineData("http://example.com:userName")]
    public void Refuses_what_is_not_an_attribute_path(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => ScimFilter.Eq(path, "x"));
        Assert.Equal("attributePath", error.ParamName);
        Assert.Throws<ArgumentException>(() => ScimFilter.Pr(path));
        Assert.Throws<ArgumentException>(() => ScimFilter.ValuePath(path, ScimFilter.Pr("value")));
    }

    [Fact]
    public void Refuses_values_and_shapes_the_grammar_has_no_text_for()
    {
        Assert.Throws<ArgumentNullException>(() => ScimFilter.Eq("userName", (string)null!));
        Assert.Throws<ArgumentNullException>(() => ScimFilter.Eq(null!, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScimFilter.Gt("ratio", double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScimFilter.Lt("ratio", double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => ScimFilter.And());
        Assert.Throws<ArgumentNullException>(() => ScimFilter.Or(ScimFilter.Pr("title"), null!));

        // RFC 7644 §3.4.2.2: a value filter holds attribute expressions, never another value path.
        var nested = ScimFilter.ValuePath("emails", ScimFilter.Pr("value"));
        Assert.Throws<ArgumentException>(() => ScimFilter.ValuePath("addresses", ScimFilter.Pr("type") & nested));
    }

    [Fact]
    public void A_null_filter_converts_to_a_null_string()
    {
        ScimFilter? none = null;
        string? text = none;
        Assert.Null(text);
    }
}
