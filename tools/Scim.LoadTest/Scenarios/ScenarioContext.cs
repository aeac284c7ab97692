using System.Globalization;
using Scim.Client;

namespace Scim.LoadTest.Scenarios;

/// <summary>A user the scenarios read or change.</summary>
internal sealed record UserRef(string Id, string UserName);

/// <summary>What a scenario needs from the server, shared by the workers: discovered or created once, before the run.</summary>
internal sealed class ScenarioContext(IScimClient client, HttpClient http, LoadTestOptions options, Action<string> log)
{
    private readonly List<string> notes = [];
    private readonly SortedSet<string> sources = new(StringComparer.Ordinal);

    public IScimClient Client { get; } = client;

    /// <summary>The same connection, for what the generated client does not model (RFC 9865 cursors).</summary>
    public HttpClient Http { get; } = http;

    public LoadTestOptions Options { get; } = options;

    /// <summary>
    /// Opens another connection to the same server with another key (another organization's), as the first one was
    /// opened: for a scenario that loads two organizations at once.
    /// </summary>
    public Func<string, HttpClient> ConnectWithToken { get; init; } = _ => throw new InvalidOperationException("This context cannot open other connections.");

    public IReadOnlyList<UserRef> Users { get; private set; } = [];

    public IReadOnlyList<string> GroupIds { get; private set; } = [];

    /// <summary>The directory's <c>totalResults</c> for <c>GET /Users</c> when it was discovered; -1 when not asked.</summary>
    public long TotalUsers { get; private set; } = -1;

    public DatasetReport Report() => new(sources.Count == 0 ? "none" : string.Join(", ", sources), TotalUsers, Users.Count, GroupIds.Count, notes);

    /// <summary>Writes a line to the console and keeps it for the report.</summary>
    public void Note(string source, string message)
    {
        sources.Add(source);
        notes.Add(message);
        log(message);
    }

    public static string UserNameFilter(string userName) =>
        $"userName eq \"{userName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    /// <summary>
    /// Makes <see cref="Users"/> hold up to <paramref name="sampleSize"/> existing users (<c>id</c>, <c>userName</c>),
    /// read in pages of 200 spread evenly over the directory; creates a working set when the directory is empty.
    /// </summary>
    public async Task EnsureUsersAsync(int sampleSize, CancellationToken cancellationToken)
    {
        if (Users.Count >= Math.Min(sampleSize, Math.Max(TotalUsers, 1)))
        {
            return;
        }

        const int PageSize = 200;
        var first = await Client.ListUsersAsync(startIndex: 1, count: PageSize, attributes: "id,userName", cancellationToken: cancellationToken);
        // An index page (startIndex given) always carries totalResults.
        var total = first.TotalResults ?? 0;
        TotalUsers = total;
        if (total == 0)
        {
            await CreateWorkingSetAsync(cancellationToken);
            return;
        }

        var users = new Dictionary<string, UserRef>(StringComparer.Ordinal);
        void Add(ListResponseOfUser page)
        {
            foreach (var user in page.Resources ?? [])
            {
                users.TryAdd(user.Id!, new UserRef(user.Id!, user.UserName!));
            }
        }

        Add(first);
        var target = (int)Math.Min(sampleSize, total);
        var pages = (target + PageSize - 1) / PageSize;
        var stride = Math.Max(PageSize, total / pages);
        for (var page = 1; page < pages && users.Count < target; page++)
        {
            Add(await Client.ListUsersAsync(startIndex: (int)Math.Min(int.MaxValue, 1 + (page * stride)), count: Math.Min(PageSize, target - users.Count),
                attributes: "id,userName", cancellationToken: cancellationToken));
        }

        Users = [.. users.Values];
        Note("users: existing", string.Create(CultureInfo.InvariantCulture,
            $"Discovered {Users.Count:N0} of {TotalUsers:N0} existing users (GET /Users?attributes=id,userName&count={PageSize}, {pages} page(s){(pages > 1 && stride > PageSize ? " spread over the directory" : "")})."));
    }

    /// <summary>
    /// Makes <see cref="Users"/> hold at least <paramref name="count"/> users: existing ones as <see cref="EnsureUsersAsync"/>
    /// discovers them, and new ones for what the directory lacks.
    /// </summary>
    public async Task EnsureUserCountAsync(int count, CancellationToken cancellationToken)
    {
        await EnsureUsersAsync(count, cancellationToken);
        if (Users.Count >= count)
        {
            return;
        }

        var missing = count - Users.Count;
        Note("users: created", string.Create(CultureInfo.InvariantCulture,
            $"The directory has {Users.Count:N0} users, fewer than {count:N0}: creating {missing:N0} (userName lt-{Options.RunId}-fill-*) through the API (Scim.Seeder --via db fills an organization much faster)."));
        Users = [.. Users, .. await CreateUsersAsync(missing, "fill", cancellationToken)];
        TotalUsers = Math.Max(TotalUsers, 0) + missing;
    }

    /// <summary>Makes <see cref="TotalUsers"/> known (and the directory non-empty) without reading a sample.</summary>
    public async Task EnsureTotalAsync(CancellationToken cancellationToken)
    {
        if (TotalUsers > 0)
        {
            return;
        }

        await EnsureUsersAsync(1, cancellationToken);
    }

    /// <summary>Makes <see cref="GroupIds"/> hold the groups <c>group-add-members</c> adds to: existing ones, or new ones.</summary>
    public async Task EnsureGroupsAsync(CancellationToken cancellationToken)
    {
        if (GroupIds.Count > 0)
        {
            return;
        }

        if (!Options.NewGroups)
        {
            var groups = await Client.ListGroupsAsync(startIndex: 1, count: 200, excludedAttributes: "members", cancellationToken: cancellationToken);
            if (groups.Resources is { Count: > 0 } found)
            {
                GroupIds = [.. found.Select(g => g.Id!)];
                Note("groups: existing", string.Create(CultureInfo.InvariantCulture,
                    $"Discovered {GroupIds.Count:N0} of {groups.TotalResults:N0} existing groups (GET /Groups?excludedAttributes=members&count=200); member batches go into them."));
                return;
            }
        }

        var count = Options.WorkingSetGroups > 0 ? Options.WorkingSetGroups : Options.Concurrency;
        var ids = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Options.Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var group = await Client.CreateGroupAsync(new Group
            {
                Schemas = [ScimSchemas.Group],
                DisplayName = string.Create(CultureInfo.InvariantCulture, $"lt-{Options.RunId}-group-{i:D3}"),
                ExternalId = Guid.NewGuid().ToString(),
            }, ct);
            ids[i] = group.Id!;
        });
        GroupIds = ids;
        Note("groups: created", string.Create(CultureInfo.InvariantCulture,
            $"{(Options.NewGroups ? "As asked (--new-groups), created" : "The directory has no groups: created")} {count} empty groups (displayName lt-{Options.RunId}-group-*) for the member batches."));
    }

    private async Task CreateWorkingSetAsync(CancellationToken cancellationToken)
    {
        var count = Options.WorkingSetUsers;
        Users = await CreateUsersAsync(count, "ws", cancellationToken);
        TotalUsers = count;
        Note("users: created", string.Create(CultureInfo.InvariantCulture,
            $"The directory has no users: created a working set of {count:N0} users (userName lt-{Options.RunId}-ws-*)."));
    }

    /// <summary>Creates <paramref name="count"/> users named <c>lt-RUN-<paramref name="label"/>-N@loadtest.example</c>, <see cref="LoadTestOptions.Concurrency"/> at a time.</summary>
    private async Task<UserRef[]> CreateUsersAsync(int count, string label, CancellationToken cancellationToken)
    {
        var created = new UserRef[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Options.Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var user = await Client.CreateUserAsync(NewUser(string.Create(CultureInfo.InvariantCulture, $"lt-{Options.RunId}-{label}-{i:D6}@loadtest.example")), ct);
            created[i] = new UserRef(user.Id!, user.UserName!);
        });
        return created;
    }

    /// <summary>A user as Entra creates one with the default attribute mappings (<c>jobTitle</c> maps to <paramref name="title"/>, when given).</summary>
    public static User NewUser(string userName, string? title = null)
    {
        var local = userName.Split('@')[0];
        return new User
        {
            Schemas = [ScimSchemas.User, ScimSchemas.EnterpriseUser],
            UserName = userName,
            ExternalId = local,
            Active = true,
            DisplayName = $"Load {local}",
            Title = title,
            Name = new Name { GivenName = "Load", FamilyName = local, Formatted = $"Load {local}" },
            Emails = [new MultiValue { Value = userName, Type = "work", Primary = true }],
            Enterprise = new EnterpriseUser { EmployeeNumber = local, Department = "Load testing" },
        };
    }
}
