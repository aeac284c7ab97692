using Scim.Application.Common.Catalogue;
using Scim.Domain.Groups;
using Scim.Domain.Users;
using Scim.Filtering.Translation;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>
/// Where every attribute of the User resource type (RFC 7643 §4.1, the enterprise extension of §4.3, and the common
/// attributes of §3.1) is kept: the columns of <see cref="User"/>, the value rows of <see cref="UserValue"/> (one
/// table, told apart by <see cref="UserValue.Attribute"/>), the rows of <see cref="UserAddress"/>, the membership rows
/// of <see cref="GroupMember"/> that name the user (<c>groups</c>), or nothing when the server derives the value. The
/// order is the stored document's. Adding an attribute: its definition in the schema,
/// one line here, its column and a migration.
/// </summary>
internal static class UserCatalogue
{
    private const string Enterprise = ScimSchemaUris.EnterpriseUser + ":";

    /// <summary>The catalogue.</summary>
    public static AttributeCatalogue<User> Catalogue { get; } = Create();

    private static AttributeCatalogue<User> Create() => new AttributeCatalogue<User>(ResourceTypeDefinition.User)
        .Id("id", u => u.Id)
        .Text("externalId", u => u.ExternalId, indexed: true, sortable: true)
        .Text("userName", u => u.UserName, normalized: u => u.UserNameNormalized, indexed: true, sortable: true)
        .Text("name.formatted", u => u.NameFormatted)
        .Text("name.familyName", u => u.NameFamilyName, sortable: true)
        .Text("name.givenName", u => u.NameGivenName, sortable: true)
        .Text("name.middleName", u => u.NameMiddleName)
        .Text("name.honorificPrefix", u => u.NameHonorificPrefix)
        .Text("name.honorificSuffix", u => u.NameHonorificSuffix)
        .Text("displayName", u => u.DisplayName, normalized: u => u.DisplayNameNormalized, indexed: true, sortable: true)
        .Text("nickName", u => u.NickName)
        .Text("profileUrl", u => u.ProfileUrl)
        .Text("title", u => u.Title)
        .Text("userType", u => u.UserType)
        .Text("preferredLanguage", u => u.PreferredLanguage)
        .Text("locale", u => u.Locale)
        .Text("timezone", u => u.Timezone)
        .Boolean("active", u => u.Active)
        .Derived("password", "hashed, ignored or refused as Scim:Users:Password says, and never returned")
        .Values("emails")
        .Values("phoneNumbers")
        .Values("ims")
        .Values("photos")
        .Rows(
            "addresses",
            u => u.Addresses,
            a => a
                .Text("formatted", a => a.Formatted)
                .Text("streetAddress", a => a.StreetAddress)
                .Text("locality", a => a.Locality)
                .Text("region", a => a.Region)
                .Text("postalCode", a => a.PostalCode)
                .Text("country", a => a.Country)
                .Text("type", a => a.Type)
                .Boolean("primary", a => a.Primary),
            new RowStorage<User, UserAddress>(
                u => u.Addresses,
                (u, i) => new UserAddress { OrganizationId = u.OrganizationId, UserId = u.Id, Ordinal = i },
                a => a.Ordinal),
            defaultSubAttribute: "formatted",
            lookup: new ElementLookup<User, UserAddress>(u => u.Id, a => a.UserId))
        // The groups a user is a direct member of are the membership rows that name it: written by group writes, read
        // with the user, and filtered as rows (groups.value eq "<group id>" is an index seek on the group's members).
        .Rows<GroupMember>(
            "groups",
            elements: null,
            m => m
                .Id("value", m => m.GroupId)
                .Derived("$ref", "the group's URL on this server, from value")
                .Derived("display", "the group's current displayName, read with the user")
                .Text("type", m => "direct"),
            storage: null,
            lookup: new ElementLookup<User, GroupMember>(u => u.Id, m => m.MemberId, m => m.Type == MemberType.User))
        .Values("entitlements")
        .Values("roles")
        .Values("x509Certificates")
        .Text(Enterprise + "employeeNumber", u => u.EmployeeNumber, sortable: true)
        .Text(Enterprise + "costCenter", u => u.CostCenter)
        .Text(Enterprise + "organization", u => u.Organization)
        .Text(Enterprise + "division", u => u.Division)
        .Text(Enterprise + "department", u => u.Department, sortable: true)
        // Entra's older reference-attribute check filters on plain "manager eq \"<id>\"", without ".value".
        .Id(Enterprise + "manager.value", u => u.ManagerId, defaultOfParent: true)
        .Derived(Enterprise + "manager.$ref", "the manager's URL on this server, from manager.value")
        .Derived(Enterprise + "manager.displayName", "the manager's current displayName, read with the user")
        .DateTime("meta.created", u => u.CreatedUtc, sortable: true)
        .DateTime("meta.lastModified", u => u.LastModifiedUtc, sortable: true)
        .Text("meta.resourceType", u => "User")
        .Derived("meta.location", "the user's URL on this server")
        .Text("meta.version", u => "W/\"" + u.Version + "\"")
        .Validated();

    /// <summary>
    /// A multi-valued attribute of the RFC 7643 §2.4 shape kept as <see cref="UserValue"/> rows with
    /// <see cref="UserValue.Attribute"/> = <paramref name="attribute"/>.
    /// </summary>
    private static AttributeCatalogue<User> Values(this AttributeCatalogue<User> catalogue, string attribute) => catalogue.Rows(
        attribute,
        u => u.Values.Where(v => v.Attribute == attribute),
        v => v
            .Text("value", v => v.Value, normalized: v => v.ValueNormalized, indexed: true, sortable: attribute == "emails")
            .Text("display", v => v.Display)
            .Text("type", v => v.Type)
            .Boolean("primary", v => v.Primary),
        new RowStorage<User, UserValue>(
            u => u.Values,
            (u, i) => new UserValue { OrganizationId = u.OrganizationId, UserId = u.Id, Attribute = attribute, Ordinal = i },
            v => v.Ordinal),
        lookup: new ElementLookup<User, UserValue>(u => u.Id, v => v.UserId, v => v.Attribute == attribute));
}
