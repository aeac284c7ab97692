using Scim.Filtering.Parsing;
using Scim.Filtering.Translation;

namespace Scim.Filtering.Tests.Translation;

/// <summary>Registration rules and name resolution of <see cref="FilterAttributeMap{T}"/>.</summary>
public sealed class FilterAttributeMapTests
{
    private const string FirstExtension = "urn:example:params:scim:schemas:extension:first:2.0:User";
    private const string SecondExtension = "urn:example:params:scim:schemas:extension:second:2.0:User";

    [Theory]
    [InlineData("costCenter eq \"1\"", "ambiguous")]
    [InlineData("COSTCENTER pr", "ambiguous")]
    public void Build_UnqualifiedNameDefinedByTwoExtensions_ThrowsAmbiguous(string filter, string messagePart)
    {
        var error = Assert.Throws<ScimFilterException>(() => FilterExpressionBuilder.Build(ScimFilterParser.ParseFilter(filter), TwoExtensionsMap()));

        Assert.Equal(ScimFilterException.InvalidFilter, error.ScimType);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FirstExtension + ":costCenter eq \"1\"")]
    [InlineData(SecondExtension + ":costCenter eq \"1\"")]
    [InlineData(SecondExtension + ":COSTCENTER pr")]
    public void Build_QualifiedNameDefinedByTwoExtensions_Resolves(string filter)
    {
        Assert.NotNull(FilterExpressionBuilder.Build(ScimFilterParser.ParseFilter(filter), TwoExtensionsMap()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a path")]
    [InlineData("name..givenName")]
    [InlineData("a.b.c")]
    public void String_InvalidPath_ThrowsArgumentException(string path)
    {
        Assert.ThrowsAny<ArgumentException>(() => new FilterAttributeMap<TestUser>().String(path, u => u.UserName, caseExact: false));
    }

    [Theory]
    [InlineData("userName")]
    [InlineData("USERNAME")]
    [InlineData(TestUserFilterMap.CoreSchema + ":userName")]
    public void String_PathRegisteredTwice_ThrowsArgumentException(string secondPath)
    {
        var map = new FilterAttributeMap<TestUser>(TestUserFilterMap.CoreSchema).String("userName", u => u.UserName, caseExact: false);

        Assert.Throws<ArgumentException>(() => map.String(secondPath, u => u.UserName, caseExact: false));
    }

    private static FilterAttributeMap<TestUser> TwoExtensionsMap() =>
        new FilterAttributeMap<TestUser>(TestUserFilterMap.CoreSchema)
            .String(FirstExtension + ":costCenter", u => u.EmployeeNumber, caseExact: true)
            .String(SecondExtension + ":costCenter", u => u.ExternalId, caseExact: true);
}
