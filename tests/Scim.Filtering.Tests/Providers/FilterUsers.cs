using System.Globalization;
using System.Text;
using Scim.Domain.Users;

namespace Scim.Filtering.Tests.Providers;

/// <summary>
/// The users every provider's database holds for the filter tests: names that differ in case beyond ASCII, LIKE
/// wildcards and the escape character in values, missing and empty attributes, managers, several emails.
/// </summary>
public static class FilterUsers
{
    public static readonly Guid BJensen = Guid.Parse("2819c223-7f76-453a-919d-413861904646");
    public static readonly Guid JSmith = Guid.Parse("902c246b-6245-4190-8e05-00816be7344a");
    public static readonly Guid Elodie = Guid.Parse("0b7e3f1c-2a57-4d8e-b6a1-9f3c5e7d2b44");

    /// <summary>New entities (a database takes each only once) for <paramref name="organizationId"/>, normalized as the server stores them.</summary>
    public static List<User> Create(Guid organizationId)
    {
        User[] users =
        [
            User(organizationId, BJensen, "bjensen", "Babs Jensen", "Tour Guide", "Barbara", "Jensen", "EXT-1", active: true, "2011-05-13T04:42:34Z", JSmith,
                ("bjensen@example.com", "work", true), ("babs@jensen.org", "home", false)),
            User(organizationId, JSmith, "JSmith", "John Smith", null, "John", "Smith", "ext-2", active: true, "2012-01-01T00:00:00Z", null,
                ("John.Smith@Example.COM", "work", true)),
            User(organizationId, Guid.NewGuid(), "José", "José's Team", string.Empty, "José", null, null, active: false, "2020-06-01T12:00:00Z", BJensen),
            User(organizationId, Elodie, "ÉLODIE", null, "ÉQUIPE", "Élodie", "Ångström", "EXT-4", active: false, "2025-01-01T00:00:00Z", null,
                ("elodie@example.org", "home", false), ("Elodie@Work.Example.com", "work", false)),
            User(organizationId, Guid.NewGuid(), "100%_user", "100% Pure", "Tour_Guide", null, null, null, active: true, "2011-05-13T04:42:35Z", null,
                ("x%y@example.com", "other", false)),
            User(organizationId, Guid.NewGuid(), "Åsa.Øster", "ÅSA ØSTER", "équipe", "ÅSA", "ØSTER", "ext-Å", active: true, "2026-01-01T00:00:00Z", Elodie,
                ("ÅSA@EXAMPLE.SE", "WORK", true)),
            User(organizationId, Guid.NewGuid(), "back\\slash", "Back\\Slash", null, null, null, null, active: true, "2026-02-01T00:00:00Z", null),
        ];
        return [.. users];
    }

    private static User User(
        Guid organizationId, Guid id, string userName, string? displayName, string? title, string? givenName, string? familyName, string? externalId,
        bool active, string lastModified, Guid? managerId, params (string Value, string Type, bool Primary)[] emails)
    {
        var modified = DateTimeOffset.Parse(lastModified, CultureInfo.InvariantCulture).UtcDateTime;
        var user = new User
        {
            Id = id,
            OrganizationId = organizationId,
            UserName = userName,
            DisplayName = displayName,
            Title = title,
            NameGivenName = givenName,
            NameFamilyName = familyName,
            ExternalId = externalId,
            Active = active,
            ManagerId = managerId,
            CreatedUtc = modified,
            LastModifiedUtc = modified,
            Document = Encoding.UTF8.GetBytes("{}"),
            Values = [.. emails.Select((e, i) => new UserValue
            {
                OrganizationId = organizationId, Attribute = "emails", Ordinal = i, Value = e.Value, Type = e.Type, Primary = e.Primary,
            })],
        };
        user.Normalize();
        return user;
    }
}
