using Mapster;
using Scim.Application.Common.Resources;
using Scim.Domain.Users;

namespace Scim.Application.Features.Users;

/// <summary>
/// Shape mapping between <see cref="User"/> (flat columns, value rows) and <see cref="ScimUser"/> (RFC 7643 JSON).
/// Read-only and server-assigned attributes (id, meta, groups, manager.displayName, password) are never mapped from
/// client input; the entity maps only to the stored document (<see cref="UserDocument"/>), to which reads add them.
/// </summary>
internal sealed class UserMappings : IRegister
{
    /// <summary>Multi-valued attributes stored as <see cref="UserValue"/> rows, in schema order.</summary>
    public static readonly string[] ValueAttributes =
        ["emails", "phoneNumbers", "ims", "photos", "entitlements", "roles", "x509Certificates"];

    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<UserValue, ScimMultiValue>();
        config.NewConfig<ScimMultiValue, UserValue>()
            .Ignore(d => d.Id, d => d.OrganizationId, d => d.UserId, d => d.Attribute, d => d.Ordinal, d => d.ValueNormalized);
        config.NewConfig<UserAddress, ScimAddress>();
        config.NewConfig<ScimAddress, UserAddress>().Ignore(d => d.Id, d => d.OrganizationId, d => d.UserId, d => d.Ordinal);

        config.NewConfig<User, ScimUser>()
            .Map(d => d.Name, s => NameOf(s))
            .Map(d => d.Active, s => s.Active)
            .Map(d => d.Emails, s => ValuesOf(s, "emails"))
            .Map(d => d.PhoneNumbers, s => ValuesOf(s, "phoneNumbers"))
            .Map(d => d.Ims, s => ValuesOf(s, "ims"))
            .Map(d => d.Photos, s => ValuesOf(s, "photos"))
            .Map(d => d.Entitlements, s => ValuesOf(s, "entitlements"))
            .Map(d => d.Roles, s => ValuesOf(s, "roles"))
            .Map(d => d.X509Certificates, s => ValuesOf(s, "x509Certificates"))
            .Map(d => d.Addresses, s => AddressesOf(s))
            .Map(d => d.EnterpriseUser, s => EnterpriseOf(s))
            // Only the stored document is rendered from the entity (UserDocument): what a read adds is not mapped.
            .Ignore(d => d.Id, d => d.Schemas, d => d.Meta, d => d.Password, d => d.Groups);

        config.NewConfig<ScimUser, User>()
            .Map(d => d.Active, s => s.Active)
            .Map(d => d.UserName, s => s.UserName ?? "")
            .Map(d => d.NameFormatted, s => s.Name == null ? null : s.Name.Formatted)
            .Map(d => d.NameFamilyName, s => s.Name == null ? null : s.Name.FamilyName)
            .Map(d => d.NameGivenName, s => s.Name == null ? null : s.Name.GivenName)
            .Map(d => d.NameMiddleName, s => s.Name == null ? null : s.Name.MiddleName)
            .Map(d => d.NameHonorificPrefix, s => s.Name == null ? null : s.Name.HonorificPrefix)
            .Map(d => d.NameHonorificSuffix, s => s.Name == null ? null : s.Name.HonorificSuffix)
            .Map(d => d.EmployeeNumber, s => s.EnterpriseUser == null ? null : s.EnterpriseUser.EmployeeNumber)
            .Map(d => d.CostCenter, s => s.EnterpriseUser == null ? null : s.EnterpriseUser.CostCenter)
            .Map(d => d.Organization, s => s.EnterpriseUser == null ? null : s.EnterpriseUser.Organization)
            .Map(d => d.Division, s => s.EnterpriseUser == null ? null : s.EnterpriseUser.Division)
            .Map(d => d.Department, s => s.EnterpriseUser == null ? null : s.EnterpriseUser.Department)
            .Ignore(d => d.Id, d => d.OrganizationId, d => d.ManagerId, d => d.Manager, d => d.PasswordHash,
                d => d.Values, d => d.Addresses, d => d.CreatedUtc, d => d.LastModifiedUtc,
                d => d.UserNameNormalized, d => d.DisplayNameNormalized);
    }

    private static ScimName? NameOf(User u) =>
        u.NameFormatted is null && u.NameFamilyName is null && u.NameGivenName is null && u.NameMiddleName is null
            && u.NameHonorificPrefix is null && u.NameHonorificSuffix is null
            ? null
            : new ScimName
            {
                Formatted = u.NameFormatted,
                FamilyName = u.NameFamilyName,
                GivenName = u.NameGivenName,
                MiddleName = u.NameMiddleName,
                HonorificPrefix = u.NameHonorificPrefix,
                HonorificSuffix = u.NameHonorificSuffix,
            };

    private static List<ScimMultiValue>? ValuesOf(User user, string attribute)
    {
        var values = user.Values.Where(v => v.Attribute == attribute).OrderBy(v => v.Ordinal)
            .Select(v => v.Adapt<ScimMultiValue>(ScimMappings.Config))
            .ToList();
        return values.Count == 0 ? null : values;
    }

    private static List<ScimAddress>? AddressesOf(User user)
    {
        var addresses = user.Addresses.OrderBy(a => a.Ordinal)
            .Select(a => a.Adapt<ScimAddress>(ScimMappings.Config))
            .ToList();
        return addresses.Count == 0 ? null : addresses;
    }

    private static ScimEnterpriseUser? EnterpriseOf(User u) =>
        u.EmployeeNumber is null && u.CostCenter is null && u.Organization is null && u.Division is null
            && u.Department is null && u.ManagerId is null
            ? null
            : new ScimEnterpriseUser
            {
                EmployeeNumber = u.EmployeeNumber,
                CostCenter = u.CostCenter,
                Organization = u.Organization,
                Division = u.Division,
                Department = u.Department,
                Manager = u.ManagerId is { } managerId
                    ? new ScimManager { Value = managerId.ToString(), DisplayName = u.Manager?.DisplayName }
                    : null,
            };
}
