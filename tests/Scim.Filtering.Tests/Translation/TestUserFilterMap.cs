using System.Linq.Expressions;
using Scim.Filtering.Translation;

namespace Scim.Filtering.Tests.Translation;

/// <summary>The filterable attributes of <see cref="TestUser"/>, registered the way the server registers users.</summary>
public static class TestUserFilterMap
{
    public const string CoreSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static FilterAttributeMap<TestUser> Create() =>
        new FilterAttributeMap<TestUser>(CoreSchema)
            .Id("id", u => u.Id)
            .String("userName", u => u.UserName, caseExact: false, normalized: u => u.UserNameNormalized)
            .String("displayName", u => u.DisplayName, caseExact: false)
            .String("title", u => u.Title, caseExact: false)
            .String("name.givenName", u => u.GivenName, caseExact: false)
            .String("externalId", u => u.ExternalId, caseExact: true)
            .Boolean("active", u => u.Active)
            .Boolean("contractor", u => u.IsContractor)
            .DateTime("meta.lastModified", u => u.LastModified)
            .String(EnterpriseSchema + ":employeeNumber", u => u.EmployeeNumber, caseExact: true)
            .Id(EnterpriseSchema + ":manager.value", u => u.ManagerId)
            .Complex("name")
            .Complex(EnterpriseSchema + ":manager", defaultSubAttribute: "value")
            .NotFilterable("meta.location", "the user's URL on this server")
            .Schemas([KeyValuePair.Create<string, Expression<Func<TestUser, bool>>>(EnterpriseSchema, u => u.EmployeeNumber != null || u.ManagerId != null)])
            .MultiValued(
                "emails",
                u => u.Emails,
                new FilterAttributeMap<TestEmail>()
                    .String("value", e => e.Value, caseExact: false, normalized: e => e.ValueNormalized)
                    .String("type", e => e.Type, caseExact: false)
                    .Boolean("primary", e => e.Primary));
}
