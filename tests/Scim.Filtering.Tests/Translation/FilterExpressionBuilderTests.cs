using Scim.Filtering.Parsing;
using Scim.Filtering.Translation;

namespace Scim.Filtering.Tests.Translation;

/// <summary>Filters run through EF Core against a seeded SQLite database file.</summary>
public sealed class FilterExpressionBuilderTests(SqliteUserDatabase database) : IClassFixture<SqliteUserDatabase>
{
    private static readonly FilterAttributeMap<TestUser> Map = TestUserFilterMap.Create();

    [Theory]
    [InlineData("userName eq \"bjensen\"", "bjensen")]
    [InlineData("userName eq \"BJENSEN\"", "bjensen")]
    [InlineData("USERNAME EQ \"jsmith\"", "JSmith")]
    [InlineData("userName eq \"JOSÉ\"", "José")]
    [InlineData("userName eq \"élodie\"", "ÉLODIE")]
    [InlineData("userName eq \"nobody\"", "")]
    [InlineData("userName ne \"bjensen\"", "JSmith,José,ÉLODIE,100%_user")]
    [InlineData("userName sw \"j\"", "JSmith,José")]
    [InlineData("userName ew \"SEN\"", "bjensen")]
    [InlineData("userName co \"%\"", "100%_user")]
    [InlineData("userName co \"_\"", "100%_user")]
    [InlineData("userName sw \"100%\"", "100%_user")]
    [InlineData("userName co \"o\"", "José,ÉLODIE")]
    [InlineData("userName gt \"j\"", "JSmith,José,ÉLODIE")]
    [InlineData("userName lt \"c\"", "bjensen,100%_user")]
    [InlineData("userName ge \"jsmith\"", "JSmith,ÉLODIE")]
    [InlineData("userName le \"bjensen\"", "bjensen,100%_user")]
    [InlineData("displayName eq \"babs jensen\"", "bjensen")]
    [InlineData("displayName co \"SMITH\"", "JSmith")]
    [InlineData("displayName eq \"josé's team\"", "José")]
    [InlineData("displayName sw \"100%\"", "100%_user")]
    [InlineData("displayName pr", "bjensen,JSmith,José,100%_user")]
    [InlineData("displayName eq null", "ÉLODIE")]
    [InlineData("displayName ne \"John Smith\"", "bjensen,José,ÉLODIE,100%_user")]
    [InlineData("not (displayName co \"Smith\")", "bjensen,José,ÉLODIE,100%_user")]
    [InlineData("title pr", "bjensen,ÉLODIE,100%_user")]
    [InlineData("not (title pr)", "JSmith,José")]
    [InlineData("title eq null", "JSmith,José")]
    [InlineData("title ne null", "bjensen,ÉLODIE,100%_user")]
    [InlineData("title eq \"tour_guide\"", "100%_user")]
    [InlineData("title co \"_\"", "100%_user")]
    [InlineData("title sw \"tour\"", "bjensen,100%_user")]
    [InlineData("externalId eq \"EXT-1\"", "bjensen")]
    [InlineData("externalId eq \"ext-1\"", "")]
    [InlineData("externalId co \"xt\"", "JSmith")]
    [InlineData("externalId sw \"ext\"", "JSmith")]
    [InlineData("externalId sw \"EXT\"", "bjensen,ÉLODIE")]
    [InlineData("externalId ew \"-1\"", "bjensen")]
    [InlineData("externalId ew \"T-1\"", "bjensen")]
    [InlineData("externalId ew \"t-1\"", "")]
    [InlineData("externalId ne \"EXT-1\"", "JSmith,José,ÉLODIE,100%_user")]
    [InlineData("not (externalId sw \"EXT\")", "JSmith,José,100%_user")]
    [InlineData("externalId gt \"Z\"", "JSmith")]
    [InlineData("name.givenName eq \"barbara\"", "bjensen")]
    [InlineData("name.givenName pr", "bjensen,JSmith,José")]
    [InlineData("active eq true", "bjensen,JSmith,100%_user")]
    [InlineData("active eq false", "José,ÉLODIE")]
    [InlineData("active ne true", "José,ÉLODIE")]
    [InlineData("active pr", "bjensen,JSmith,José,ÉLODIE,100%_user")]
    [InlineData("contractor eq true", "José")]
    [InlineData("contractor ne true", "bjensen,JSmith,ÉLODIE,100%_user")]
    [InlineData("contractor eq false", "bjensen,100%_user")]
    [InlineData("contractor pr", "bjensen,José,100%_user")]
    [InlineData("contractor eq null", "JSmith,ÉLODIE")]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:34Z\"", "JSmith,José,ÉLODIE,100%_user")]
    [InlineData("meta.lastModified ge \"2011-05-13T04:42:34Z\"", "bjensen,JSmith,José,ÉLODIE,100%_user")]
    [InlineData("meta.lastModified eq \"2011-05-13T04:42:34Z\"", "bjensen")]
    [InlineData("meta.lastModified ne \"2011-05-13T04:42:34Z\"", "JSmith,José,ÉLODIE,100%_user")]
    [InlineData("meta.lastModified lt \"2012-01-01T00:00:00Z\"", "bjensen,100%_user")]
    [InlineData("meta.lastModified le \"2012-01-01T00:00:00Z\"", "bjensen,JSmith,100%_user")]
    [InlineData("meta.lastModified gt \"2011-05-13T06:42:34+02:00\"", "JSmith,José,ÉLODIE,100%_user")]
    [InlineData("meta.lastModified eq \"2011-05-13T04:42:34.000Z\"", "bjensen")]
    [InlineData("meta.lastModified lt \"2011-05-13T04:42:35\"", "bjensen")]
    [InlineData("meta.lastModified gt \"2019-12-31T23:59:59.9999999Z\" and meta.lastModified lt \"2021-01-01t00:00:00z\"", "José")]
    [InlineData("id eq \"2819c223-7f76-453a-919d-413861904646\"", "bjensen")]
    [InlineData("id eq \"2819C223-7F76-453A-919D-413861904646\"", "")]
    [InlineData("id eq \"{2819c223-7f76-453a-919d-413861904646}\"", "")]
    [InlineData("id eq \"2819c2237f76453a919d413861904646\"", "")]
    [InlineData("id eq \"not-a-guid\"", "")]
    [InlineData("id ne \"not-a-guid\"", "bjensen,JSmith,José,ÉLODIE,100%_user")]
    [InlineData("id ne \"2819c223-7f76-453a-919d-413861904646\"", "JSmith,José,ÉLODIE,100%_user")]
    [InlineData("id pr", "bjensen,JSmith,José,ÉLODIE,100%_user")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"", "bjensen")]
    [InlineData("employeeNumber eq \"701985\"", "JSmith")]
    [InlineData("EMPLOYEENUMBER pr", "bjensen,JSmith")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"902c246b-6245-4190-8e05-00816be7344a\"", "bjensen")]
    [InlineData("manager.value pr", "bjensen,José")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq null", "JSmith,ÉLODIE,100%_user")]
    [InlineData("manager.value ne \"902c246b-6245-4190-8e05-00816be7344a\"", "JSmith,José,ÉLODIE,100%_user")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bjensen\"", "bjensen")]
    [InlineData("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:name.givenName eq \"john\"", "JSmith")]
    [InlineData("emails eq \"bjensen@example.com\"", "bjensen")]
    [InlineData("emails co \"example.com\"", "bjensen,JSmith,ÉLODIE,100%_user")]
    [InlineData("emails.value co \"example.org\"", "ÉLODIE")]
    [InlineData("emails.value eq \"JOHN.SMITH@EXAMPLE.COM\"", "JSmith")]
    [InlineData("emails co \"%\"", "100%_user")]
    [InlineData("emails pr", "bjensen,JSmith,ÉLODIE,100%_user")]
    [InlineData("not (emails pr)", "José")]
    [InlineData("emails eq null", "José")]
    [InlineData("emails.type eq \"work\"", "bjensen,JSmith,ÉLODIE")]
    [InlineData("emails.primary eq true", "bjensen,JSmith")]
    [InlineData("emails[type eq \"work\" and value co \"@example.com\"]", "bjensen,JSmith")]
    [InlineData("emails[type eq \"home\" and value co \"@example.com\"]", "")]
    [InlineData("emails.type eq \"home\" and emails.value co \"@example.com\"", "bjensen")]
    [InlineData("emails[type eq \"work\"].value eq \"john.smith@example.com\"", "JSmith")]
    [InlineData("emails[type eq \"work\"].value pr", "bjensen,JSmith,ÉLODIE")]
    [InlineData("emails[primary eq true]", "bjensen,JSmith")]
    [InlineData("emails[not (primary eq true)]", "bjensen,ÉLODIE,100%_user")]
    [InlineData("emails[type eq \"other\" or type eq \"home\"]", "bjensen,ÉLODIE,100%_user")]
    [InlineData("not (emails[type eq \"work\"])", "José,100%_user")]
    [InlineData("emails[value ew \".org\"]", "bjensen,ÉLODIE")]
    [InlineData("EMAILS[TYPE EQ \"WORK\" AND PRIMARY EQ TRUE]", "bjensen,JSmith")]
    [InlineData("title pr and (emails co \"example.com\" or emails.value co \"example.org\")", "bjensen,ÉLODIE,100%_user")]
    [InlineData("userName eq \"bjensen\" or userName eq \"jsmith\" and active eq false", "bjensen")]
    [InlineData("(userName eq \"bjensen\" or userName eq \"jsmith\") and active eq true", "bjensen,JSmith")]
    [InlineData("not (userName eq \"bjensen\")", "JSmith,José,ÉLODIE,100%_user")]
    [InlineData("not (not (userName eq \"bjensen\"))", "bjensen")]
    [InlineData("userName eq \"bjensen\" and emails[type eq \"work\"] and active eq true", "bjensen")]
    public void Build_FilterOnSeededUsers_MatchesExpectedUsers(string filter, string expectedUserNames)
    {
        var expected = expectedUserNames.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);

        Assert.Equal(expected, Query(filter));
    }

    [Theory]
    [InlineData("foo eq \"x\"", "The attribute 'foo' is not a filterable attribute.")]
    [InlineData("userType eq \"Employee\"", "'userType'")]
    [InlineData("urn:x:y:userName eq \"a\"", "'urn:x:y:userName'")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:userName eq \"a\"", "not a filterable attribute")]
    [InlineData("not (foo pr)", "'foo'")]
    [InlineData("userName eq \"x\" or foo pr", "'foo'")]
    [InlineData("active eq \"yes\"", "The boolean attribute 'active' must be compared with true or false but found string \"yes\".")]
    [InlineData("active gt true", "The operator 'gt' is not allowed for the boolean attribute 'active'; use eq, ne or pr.")]
    [InlineData("active co true", "'co' is not allowed")]
    [InlineData("userName gt 5", "The string attribute 'userName' must be compared with a JSON string but found number 5.")]
    [InlineData("userName eq true", "a JSON string")]
    [InlineData("meta.lastModified gt \"yesterday\"", "RFC 3339")]
    [InlineData("meta.lastModified gt \"2011-05-13\"", "RFC 3339")]
    [InlineData("meta.lastModified gt \"2011-13-45T00:00:00Z\"", "RFC 3339")]
    [InlineData("meta.lastModified gt 5", "RFC 3339")]
    [InlineData("meta.lastModified co \"2011\"", "'co' is not allowed for the dateTime attribute")]
    [InlineData("id gt \"x\"", "'gt' is not allowed for the id attribute")]
    [InlineData("id sw \"2819\"", "'sw' is not allowed")]
    [InlineData("id eq 5", "a JSON string")]
    [InlineData("userName co null", "cannot compare 'userName' with null")]
    [InlineData("userName gt null", "cannot compare")]
    [InlineData("userName[value eq \"x\"]", "'userName' is not multi-valued")]
    [InlineData("displayName[x pr]", "not multi-valued")]
    [InlineData("emails.foo eq \"x\"", "The attribute 'emails.foo' is not a filterable attribute.")]
    [InlineData("emails[foo eq 1]", "'emails.foo'")]
    [InlineData("emails[value gt 5]", "a JSON string")]
    [InlineData("emails[primary eq \"yes\"]", "true or false")]
    public void Build_UnsupportedAttributeOperatorOrValue_ThrowsInvalidFilter(string filter, string messagePart)
    {
        var tree = ScimFilterParser.ParseFilter(filter);

        var error = Assert.Throws<ScimFilterException>(() => FilterExpressionBuilder.Build(tree, Map));

        Assert.Equal(ScimFilterException.InvalidFilter, error.ScimType);
        Assert.Equal(-1, error.Position);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    private string[] Query(string filter)
    {
        using var context = database.CreateContext();
        var predicate = FilterExpressionBuilder.Build(ScimFilterParser.ParseFilter(filter), Map);
        return [.. context.Users.Where(predicate).Select(u => u.UserName).AsEnumerable().Order(StringComparer.Ordinal)];
    }
}
