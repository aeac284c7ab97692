using Microsoft.EntityFrameworkCore;

namespace Scim.Filtering.Tests.Translation;

/// <summary>A SQLite database file seeded with five users, shared by the tests of one class.</summary>
public sealed class SqliteUserDatabase : IDisposable
{
    public static readonly Guid BJensen = Guid.Parse("2819c223-7f76-453a-919d-413861904646");
    public static readonly Guid JSmith = Guid.Parse("902c246b-6245-4190-8e05-00816be7344a");
    public static readonly Guid Jose = Guid.Parse("5d48a0a8-e9f6-4c66-9e1b-6a4d0d6c1f01");
    public static readonly Guid Elodie = Guid.Parse("0b7e3f1c-2a57-4d8e-b6a1-9f3c5e7d2b44");
    public static readonly Guid Percent = Guid.Parse("c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b");

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"scim-filtering-{Guid.NewGuid():N}.db");

    public SqliteUserDatabase()
    {
        using var context = CreateContext();
        context.Database.EnsureCreated();
        context.Users.AddRange(
            User(BJensen, "bjensen", "Babs Jensen", "Tour Guide", "Barbara", "EXT-1", active: true, contractor: false, "2011-05-13T04:42:34Z", "701984", JSmith,
                Email("bjensen@example.com", "work", primary: true), Email("babs@jensen.org", "home", primary: false)),
            User(JSmith, "JSmith", "John Smith", null, "John", "ext-2", active: true, contractor: null, "2012-01-01T00:00:00Z", "701985", null,
                Email("John.Smith@Example.COM", "work", primary: true)),
            User(Jose, "José", "José's Team", string.Empty, "José", null, active: false, contractor: true, "2020-06-01T12:00:00Z", null, BJensen),
            User(Elodie, "ÉLODIE", null, "Engineer", null, "EXT-4", active: false, contractor: null, "2025-01-01T00:00:00Z", null, null,
                Email("elodie@example.org", "home", primary: false), Email("elodie@work.example.com", "work", primary: false)),
            User(Percent, "100%_user", "100% Pure", "Tour_Guide", null, null, active: true, contractor: false, "2011-05-13T04:42:35Z", null, null,
                Email("x%y@example.com", "other", primary: false)));
        context.SaveChanges();
    }

    public TestDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options);

    public void Dispose() => File.Delete(_path);

    private static TestUser User(
        Guid id, string userName, string? displayName, string? title, string? givenName, string? externalId, bool active, bool? contractor,
        string lastModified, string? employeeNumber, Guid? managerId, params TestEmail[] emails) => new()
        {
            Id = id,
            UserName = userName,
            UserNameNormalized = userName.ToLowerInvariant(),
            DisplayName = displayName,
            Title = title,
            GivenName = givenName,
            ExternalId = externalId,
            Active = active,
            IsContractor = contractor,
            LastModified = DateTimeOffset.Parse(lastModified, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime,
            EmployeeNumber = employeeNumber,
            ManagerId = managerId,
            Emails = [.. emails],
        };

    private static TestEmail Email(string value, string type, bool primary) =>
        new() { Value = value, ValueNormalized = value.ToLowerInvariant(), Type = type, Primary = primary };
}
