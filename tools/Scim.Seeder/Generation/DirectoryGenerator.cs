using System.Globalization;

namespace Scim.Seeder.Generation;

/// <summary>
/// Generates the directory of a <see cref="SeedPlan"/>: users in index order (an org chart where everyone but the
/// top reports to someone with a lower index), groups with <see cref="TeamSizes"/> sizes, and each group's members.
/// Everything is a function of the seed; a larger <c>--users</c> keeps the first users as they were.
/// </summary>
internal sealed class DirectoryGenerator
{
    /// <summary>Direct reports per manager.</summary>
    public const int SpanOfControl = 7;

    /// <summary>The first user's creation time; user <c>i</c> was created <c>i</c> minutes later.</summary>
    public static readonly DateTime Epoch = new(2022, 1, 3, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>When user <paramref name="index"/> was created: <paramref name="index"/> minutes after <see cref="Epoch"/>.</summary>
    public static DateTime UserCreatedUtc(int index) => Epoch.AddMinutes(index);

    /// <summary>When group <paramref name="index"/> was created: ten minutes apart from <see cref="Epoch"/>.</summary>
    public static DateTime GroupCreatedUtc(int index) => Epoch.AddMinutes(10 * index);

    /// <summary>Teams up to this size are colleagues next to each other in the org chart; larger ones are spread across it.</summary>
    private const int ColleagueTeamSize = 50;

    private readonly SeedPlan plan;
    private readonly SeedIds ids;
    private readonly int[] sizes;

    public DirectoryGenerator(SeedPlan plan, Guid organizationId)
    {
        this.plan = plan;
        ids = new SeedIds(plan.Seed, organizationId);
        Pools = NamePools.Create(plan.Seed);
        sizes = TeamSizes.Compute(plan.Seed, plan.Groups, plan.Users, plan.Memberships);
        MembershipCount = sizes.Sum(s => (long)s);
    }

    public NamePools Pools { get; }

    /// <summary>The memberships actually generated (the requested number, capped at groups × users).</summary>
    public long MembershipCount { get; }

    public IReadOnlyList<int> GroupSizes => sizes;

    public static int? ManagerOf(int index) => index == 0 ? null : (index - 1) / SpanOfControl;

    public IEnumerable<SeedUser> Users()
    {
        var departments = new byte[plan.Users];
        var levels = new byte[plan.Users];
        var taken = new HashSet<ulong>();
        var nextSuffix = new Dictionary<ulong, int>();
        for (var i = 0; i < plan.Users; i++)
        {
            var random = new SplitMix(Mix.Hash((ulong)plan.Seed, 0x55534552UL, (ulong)i));
            var manager = ManagerOf(i);
            levels[i] = manager is { } m ? (byte)Math.Min(levels[m] + 1, 255) : (byte)0;
            departments[i] = levels[i] is 1 or 2 || manager is null
                ? (byte)random.Next(NamePools.Departments.Length)
                : departments[manager.Value];
            var department = NamePools.Departments[departments[i]];

            var locale = Pools.PickLocale(ref random);
            var given = random.Pick(locale.FirstNames);
            var family = random.Pick(locale.LastNames);
            var local = UniqueLocalPart($"{NamePools.AsciiLetters(given)}.{NamePools.AsciiLetters(family)}", taken, nextSuffix);
            var upn = $"{local}@{plan.Domain}";
            var jobTitle = random.Pick(Pools.JobTitles);
            var hasReports = ((long)i * SpanOfControl) + 1 < plan.Users;
            var title = levels[i] switch
            {
                0 => "Chief Executive Officer",
                1 => $"Vice President, {department}",
                2 when hasReports => $"Director, {department}",
                _ when hasReports => $"{department} Manager",
                _ => jobTitle,
            };

            yield return new SeedUser
            {
                Index = i,
                Id = ids.User(i),
                UserName = upn,
                ExternalId = local,
                GivenName = given,
                FamilyName = family,
                DisplayName = $"{given} {family}",
                Title = title,
                Department = department,
                EmployeeNumber = (100000 + i).ToString(CultureInfo.InvariantCulture),
                PreferredLanguage = locale.PreferredLanguage,
                Timezone = locale.Timezone,
                ManagerIndex = manager,
                ManagerId = manager is { } boss ? ids.User(boss) : null,
                WorkEmail = upn,
                OtherEmail = random.Chance(0.25) ? $"{local.ToLowerInvariant()}{random.Next(10, 100)}@{random.Pick(Pools.FreeMailDomains)}" : null,
                WorkPhone = Phone(locale.PhonePrefix, ref random),
                MobilePhone = random.Chance(0.7) ? Phone(locale.PhonePrefix, ref random) : null,
                Office = random.Pick(locale.Offices),
                CreatedUtc = UserCreatedUtc(i),
            };
        }
    }

    public IEnumerable<SeedGroup> Groups()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < plan.Groups; g++)
        {
            var random = new SplitMix(Mix.Hash((ulong)plan.Seed, 0x47524F55UL, (ulong)g));
            var name = $"{random.Pick(NamePools.Departments)} · {random.Pick(Pools.TeamWords)}";
            var unique = name;
            for (var n = 2; !taken.Add(unique.ToLowerInvariant()); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{name} {n}");
            }

            yield return new SeedGroup
            {
                Index = g,
                Id = ids.Group(g),
                DisplayName = unique,
                ExternalId = SeedIds.ObjectId(plan.Seed, g).ToString(),
                Size = sizes[g],
                CreatedUtc = GroupCreatedUtc(g),
            };
        }
    }

    /// <summary>Writes the user indexes of <paramref name="group"/>'s members into <paramref name="members"/> (distinct, <see cref="SeedGroup.Size"/> of them).</summary>
    public void Members(SeedGroup group, Span<int> members)
    {
        var users = plan.Users;
        var random = new SplitMix(Mix.Hash((ulong)plan.Seed, 0x4D454D42UL, (ulong)group.Index));
        var size = group.Size;
        if (size <= ColleagueTeamSize)
        {
            var start = random.Next(users - size + 1);
            for (var j = 0; j < size; j++)
            {
                members[j] = start + j;
            }

            return;
        }

        // An affine permutation of the users (stride coprime with the count) visits each user at most once.
        long stride;
        do
        {
            stride = 1 + random.Next(Math.Max(users - 1, 1));
        }
        while (Gcd(stride, users) != 1);
        long offset = random.Next(users);
        for (var j = 0; j < size; j++)
        {
            members[j] = (int)((offset + (stride * j)) % users);
        }
    }

    private static string UniqueLocalPart(string candidate, HashSet<ulong> taken, Dictionary<ulong, int> nextSuffix)
    {
        var key = Fnv(candidate);
        if (taken.Add(key))
        {
            return candidate;
        }

        var n = nextSuffix.GetValueOrDefault(key, 2);
        string numbered;
        do
        {
            numbered = string.Create(CultureInfo.InvariantCulture, $"{candidate}{n++}");
        }
        while (!taken.Add(Fnv(numbered)));
        nextSuffix[key] = n;
        return numbered;
    }

    /// <summary>64-bit FNV-1a of the lower-cased text (userNames are unique case-insensitively).</summary>
    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }

        return hash;
    }

    private static string Phone(string prefix, ref SplitMix random) => prefix switch
    {
        "+1" => string.Create(CultureInfo.InvariantCulture, $"+1 {random.Next(201, 990)} {random.Next(200, 1000)} {random.Next(0, 10000):D4}"),
        "+49" => string.Create(CultureInfo.InvariantCulture, $"+49 {random.Next(30, 90)} {random.Next(1000000, 10000000)}"),
        "+33" => string.Create(CultureInfo.InvariantCulture, $"+33 {random.Next(1, 8)} {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{prefix} {random.Next(600, 1000)} {random.Next(100, 1000)} {random.Next(100, 1000)}"),
    };

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}

/// <summary>What to generate.</summary>
/// <param name="Seed">The seed: same seed, same directory.</param>
/// <param name="Users">Users.</param>
/// <param name="Groups">Groups.</param>
/// <param name="Memberships">Group memberships (capped at groups × users).</param>
/// <param name="Domain">The UPN domain, e.g. <c>contoso.com</c>.</param>
internal sealed record SeedPlan(long Seed, int Users, int Groups, long Memberships, string Domain);
