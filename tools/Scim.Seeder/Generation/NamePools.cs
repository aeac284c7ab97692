using System.Globalization;
using System.Text;
using Bogus;

namespace Scim.Seeder.Generation;

/// <summary>An office: the work address shared by the people who sit there.</summary>
internal sealed record Office(string StreetAddress, string Locality, string Region, string PostalCode, string Country)
{
    public string Formatted { get; } = $"{StreetAddress}\n{Locality}, {Region} {PostalCode}\n{Country}";
}

/// <summary>Names, titles and places of one locale, drawn from Bogus's data with the run's seed.</summary>
internal sealed class LocalePool
{
    public required string Locale { get; init; }
    public required string[] FirstNames { get; init; }
    public required string[] LastNames { get; init; }
    public required Office[] Offices { get; init; }
    public required string PhonePrefix { get; init; }
    public required string PreferredLanguage { get; init; }
    public required string Timezone { get; init; }
}

/// <summary>
/// The vocabulary of a seeded directory. Bogus draws it once per run from the seed (a few thousand calls); each user
/// then picks from it with its own deterministic random sequence, which keeps a million users to a few seconds.
/// </summary>
internal sealed class NamePools
{
    /// <summary>Departments of an Entra-shaped company (the enterprise extension's <c>department</c>).</summary>
    public static readonly string[] Departments =
    [
        "Engineering", "Sales", "Marketing", "Finance", "Human Resources", "Legal", "Operations", "Customer Support",
        "IT", "Research & Development", "Product Management", "Facilities", "Procurement", "Security", "Data & Analytics",
        "Manufacturing", "Quality Assurance", "Communications",
    ];

    private NamePools(LocalePool[] locales, double[] localeShare, string[] jobTitles, string[] teamWords, string[] freeMailDomains)
    {
        Locales = locales;
        LocaleShare = localeShare;
        JobTitles = jobTitles;
        TeamWords = teamWords;
        FreeMailDomains = freeMailDomains;
    }

    public LocalePool[] Locales { get; }

    /// <summary>Cumulative share of users per locale.</summary>
    public double[] LocaleShare { get; }

    public string[] JobTitles { get; }

    /// <summary>Two-word team names ("Virtual Bandwidth").</summary>
    public string[] TeamWords { get; }

    public string[] FreeMailDomains { get; }

    public static NamePools Create(long seed)
    {
        var baseSeed = (int)(Mix.Hash((ulong)seed) & 0x7FFFFFFF);
        var locales = new[]
        {
            Locale("en", "United States", "+1", "en-US", "America/Los_Angeles", baseSeed),
            Locale("de", "Germany", "+49", "de-DE", "Europe/Berlin", baseSeed + 1),
            Locale("fr", "France", "+33", "fr-FR", "Europe/Paris", baseSeed + 2),
            Locale("es", "Spain", "+34", "es-ES", "Europe/Madrid", baseSeed + 3),
        };

        var en = new Faker("en") { Random = new Randomizer(baseSeed + 10) };
        var titles = Distinct(Enumerable.Range(0, 400).Select(_ => en.Name.JobTitle()));
        var team = Distinct(Enumerable.Range(0, 600).Select(_ => $"{Title(en.Hacker.Adjective())} {Title(en.Hacker.Noun())}"));
        var mail = Distinct(Enumerable.Range(0, 60).Select(_ => en.Internet.Email().Split('@')[1]));
        return new NamePools(locales, [0.70, 0.80, 0.90, 1.0], titles, team, mail);
    }

    public LocalePool PickLocale(ref SplitMix random)
    {
        var x = random.NextDouble();
        for (var i = 0; i < LocaleShare.Length; i++)
        {
            if (x < LocaleShare[i])
            {
                return Locales[i];
            }
        }

        return Locales[^1];
    }

    /// <summary>The ASCII form of a name for a UPN: accents dropped, ß → ss, only letters and digits kept.</summary>
    public static string AsciiLetters(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (c < 128 && char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.Length == 0 ? "user" : builder.ToString();
    }

    private static LocalePool Locale(string locale, string country, string phone, string language, string timezone, int seed)
    {
        var faker = new Faker(locale) { Random = new Randomizer(seed) };
        return new LocalePool
        {
            Locale = locale,
            FirstNames = Distinct(Enumerable.Range(0, 600).Select(_ => faker.Name.FirstName())),
            LastNames = Distinct(Enumerable.Range(0, 900).Select(_ => faker.Name.LastName())),
            Offices = [.. Enumerable.Range(0, 40).Select(_ => new Office(
                faker.Address.StreetAddress(), faker.Address.City(), faker.Address.State(), faker.Address.ZipCode(), country))],
            PhonePrefix = phone,
            PreferredLanguage = language,
            Timezone = timezone,
        };
    }

    private static string[] Distinct(IEnumerable<string> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal)];

    private static string Title(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
