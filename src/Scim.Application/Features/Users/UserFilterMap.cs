using Scim.Domain.Users;
using Scim.Filtering.Translation;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>
/// The User attributes a filter may name (RFC 7644 §3.4.2.2) and the columns they compile to. Case-insensitive
/// attributes (caseExact false in RFC 7643 §4.1) compare lower-invariant copies, through an index where one exists.
/// Anything not listed is 400 invalidFilter.
/// </summary>
internal static class UserFilterMap
{
    private const string Enterprise = ScimSchemaUris.EnterpriseUser + ":";

    public static FilterAttributeMap<User> Map { get; } = Create();

    private static FilterAttributeMap<User> Create()
    {
        var map = new FilterAttributeMap<User>(ScimSchemaUris.User)
            .Id("id", u => u.Id)
            .String("externalId", u => u.ExternalId, caseExact: true)
            .String("userName", u => u.UserName, caseExact: false, normalized: u => u.UserNameNormalized)
            .String("displayName", u => u.DisplayName, caseExact: false, normalized: u => u.DisplayNameNormalized)
            .String("nickName", u => u.NickName, caseExact: false)
            .String("profileUrl", u => u.ProfileUrl, caseExact: false)
            .String("title", u => u.Title, caseExact: false)
            .String("userType", u => u.UserType, caseExact: false)
            .String("preferredLanguage", u => u.PreferredLanguage, caseExact: false)
            .String("locale", u => u.Locale, caseExact: false)
            .String("timezone", u => u.Timezone, caseExact: false)
            .Boolean("active", u => u.Active)
            .String("name.formatted", u => u.NameFormatted, caseExact: false)
            .String("name.familyName", u => u.NameFamilyName, caseExact: false)
            .String("name.givenName", u => u.NameGivenName, caseExact: false)
            .String("name.middleName", u => u.NameMiddleName, caseExact: false)
            .String("name.honorificPrefix", u => u.NameHonorificPrefix, caseExact: false)
            .String("name.honorificSuffix", u => u.NameHonorificSuffix, caseExact: false)
            .DateTime("meta.created", u => u.CreatedUtc)
            .DateTime("meta.lastModified", u => u.LastModifiedUtc)
            .String(Enterprise + "employeeNumber", u => u.EmployeeNumber, caseExact: false)
            .String(Enterprise + "costCenter", u => u.CostCenter, caseExact: false)
            .String(Enterprise + "organization", u => u.Organization, caseExact: false)
            .String(Enterprise + "division", u => u.Division, caseExact: false)
            .String(Enterprise + "department", u => u.Department, caseExact: false)
            .Id(Enterprise + "manager.value", u => u.ManagerId)
            // Entra's older reference-attribute check filters on plain "manager eq \"<id>\"", without ".value".
            .Id(Enterprise + "manager", u => u.ManagerId)
            .MultiValued("addresses", u => u.Addresses, new FilterAttributeMap<UserAddress>()
                .String("formatted", a => a.Formatted, caseExact: false)
                .String("streetAddress", a => a.StreetAddress, caseExact: false)
                .String("locality", a => a.Locality, caseExact: false)
                .String("region", a => a.Region, caseExact: false)
                .String("postalCode", a => a.PostalCode, caseExact: false)
                .String("country", a => a.Country, caseExact: false)
                .String("type", a => a.Type, caseExact: false)
                .Boolean("primary", a => a.Primary),
                defaultSubAttribute: "formatted",
                lookup: new ElementLookup<User, UserAddress>(u => u.Id, a => a.UserId));
        foreach (var attribute in UserMappings.ValueAttributes)
        {
            // The closure's copy of the loop variable is what EF sees as the attribute discriminator.
            var name = attribute;
            var caseExactValue = name is "photos" or "x509Certificates";
            map.MultiValued(name, u => u.Values.Where(v => v.Attribute == name), new FilterAttributeMap<UserValue>()
                .String("value", v => v.Value, caseExact: caseExactValue, normalized: caseExactValue ? null : v => v.ValueNormalized)
                .String("display", v => v.Display, caseExact: false)
                .String("type", v => v.Type, caseExact: false)
                .Boolean("primary", v => v.Primary),
                lookup: new ElementLookup<User, UserValue>(u => u.Id, v => v.UserId, v => v.Attribute == name));
        }

        return map;
    }
}
