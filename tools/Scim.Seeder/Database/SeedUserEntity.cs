using Scim.Application.Features.Users;
using Scim.Domain.Users;
using Scim.Seeder.Generation;

namespace Scim.Seeder.Database;

/// <summary>
/// A generated user as the server's <see cref="User"/> entity, with its value and address rows and its stored document.
/// The bulk load writes its columns and rows from this one entity, and the document is rendered from it by
/// <see cref="UserDocument.Render"/> as every server write does, so document and rows say the same.
/// </summary>
internal static class SeedUserEntity
{
    public static User Create(SeedUser seed, Guid organizationId)
    {
        var user = new User
        {
            Id = seed.Id,
            OrganizationId = organizationId,
            UserName = seed.UserName,
            ExternalId = seed.ExternalId,
            Active = true,
            DisplayName = seed.DisplayName,
            Title = seed.Title,
            PreferredLanguage = seed.PreferredLanguage,
            NameFormatted = seed.DisplayName,
            NameFamilyName = seed.FamilyName,
            NameGivenName = seed.GivenName,
            EmployeeNumber = seed.EmployeeNumber,
            Department = seed.Department,
            ManagerId = seed.ManagerId,
            CreatedUtc = seed.CreatedUtc,
            LastModifiedUtc = seed.CreatedUtc,
            Version = 1,
        };
        AddValue(user, "emails", seed.WorkEmail, "work", true);
        if (seed.OtherEmail is { } other)
        {
            AddValue(user, "emails", other, "other", null);
        }

        AddValue(user, "phoneNumbers", seed.WorkPhone, "work", null);
        if (seed.MobilePhone is { } mobile)
        {
            AddValue(user, "phoneNumbers", mobile, "mobile", null);
        }

        var office = seed.Office;
        user.Addresses.Add(new UserAddress
        {
            OrganizationId = organizationId,
            UserId = seed.Id,
            Ordinal = 0,
            Formatted = office.Formatted,
            StreetAddress = office.StreetAddress,
            Locality = office.Locality,
            Region = office.Region,
            PostalCode = office.PostalCode,
            Country = office.Country,
            Type = "work",
            Primary = true,
        });
        user.Normalize();
        user.Document = UserDocument.Render(user);
        return user;
    }

    private static void AddValue(User user, string attribute, string value, string type, bool? primary) =>
        user.Values.Add(new UserValue
        {
            OrganizationId = user.OrganizationId,
            UserId = user.Id,
            Attribute = attribute,
            Ordinal = user.Values.Count(v => v.Attribute == attribute),
            Value = value,
            Type = type,
            Primary = primary,
        });
}
