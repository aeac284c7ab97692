using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Scim.Domain.Groups;
using Scim.Domain.Users;
using Scim.Seeder.Generation;
using Spectre.Console;

namespace Scim.Seeder.Database;

/// <summary>
/// <c>--via db</c>: loads the server's own schema directly, on SQLite or PostgreSQL (<see cref="ISeedTarget"/>), writing
/// rows exactly as the server does (<see cref="SeedRows"/>: the organization on every row, lower-invariant
/// <c>*Normalized</c> copies, the stored document rendered by the server's code, version 1). What is there already is
/// read first and skipped, so a re-run writes nothing; for a large load the target drops its secondary indexes first
/// and rebuilds them afterwards, and a run that wrote anything refreshes the planner's statistics at the end.
/// </summary>
internal sealed class DbSeeder(SeedPlan plan, ISeedTarget target, string organization, IAnsiConsole console)
{
    /// <summary>Below this many new rows the indexes are kept: maintaining them costs less than a rebuild.</summary>
    private const long RebuildIndexesFrom = 50_000;

    /// <summary>Users handed from the generating thread to the writing one at a time.</summary>
    private const int UsersPerChunk = 2_000;

    /// <summary>
    /// Chunks of users generated ahead of the writes: more than a round of PostgreSQL's <c>COPY</c>, so generating
    /// goes on while the database finishes one, and the next is ready when it has.
    /// </summary>
    private const int UserChunksAhead = 24;

    /// <summary>Groups' memberships generated ahead of the writes (a group can have hundreds of thousands).</summary>
    private const int GroupsAhead = 8;

    private static readonly string[] UserTables = ["users", "user_values", "user_addresses"];
    private static readonly string[] MemberTables = ["group_members"];

    public async Task<SeedSummary> RunAsync(CancellationToken cancellationToken)
    {
        var summary = new SeedSummary();
        var (organizationId, organizationName) = await FindOrganizationAsync(cancellationToken);
        console.MarkupLineInterpolated($"Seeding organization [bold]{organizationName}[/] ({organizationId}) in {target.Location}: {plan.Users:N0} users, {plan.Groups:N0} groups, {plan.Memberships:N0} memberships, seed {plan.Seed}.");

        var generator = new DirectoryGenerator(plan, organizationId);
        await target.BeginAsync(plan.Users + generator.MembershipCount >= RebuildIndexesFrom, cancellationToken);
        await SeedProgress.RunAsync(console, async progress =>
        {
            summary.Phase("existing rows");
            var reading = progress.AddTask("Existing rows", maxValue: 1);
            var existing = await ExistingDirectory.ReadAsync(target, organizationId, cancellationToken);
            reading.Increment(1);
            if (await WorthRebuildingAsync("users", plan.Users - existing.UserCount, cancellationToken))
            {
                await target.DropIndexesAsync(UserTables, cancellationToken);
            }

            if (await WorthRebuildingAsync("group_members", generator.MembershipCount - existing.MembershipCount, cancellationToken))
            {
                await target.DropIndexesAsync(MemberTables, cancellationToken);
            }

            summary.Phase("users");
            var userIds = await LoadUsersAsync(generator, organizationId, existing, progress.AddTask("Users", maxValue: plan.Users), summary, cancellationToken);
            summary.Phase("groups");
            var groups = await LoadGroupsAsync(generator, organizationId, existing, progress.AddTask("Groups", maxValue: plan.Groups), summary, cancellationToken);
            summary.Phase("memberships");
            await LoadMembershipsAsync(generator, organizationId, existing, userIds, groups, progress.AddTask("Memberships", maxValue: generator.MembershipCount), summary, cancellationToken);

            foreach (var step in target.Finish(wroteAnything: summary.Rows.Any(r => r.Written > 0)))
            {
                summary.Phase(step.Phase);
                // "indexes" shows as "Indexes" beside "Users"; "ANALYZE" stays as it is.
                var task = progress.AddTask(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(step.Phase), maxValue: 1);
                await step.RunAsync((done, total) =>
                {
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = total == 0 ? task.MaxValue : done;
                }, cancellationToken);
                task.Value = task.MaxValue;
            }

            summary.EndPhase();
        });

        summary.Stop();
        return summary;
    }

    /// <summary>Checks the schema is the server's current one and finds the organization by id or (case-insensitive) name.</summary>
    private async Task<(Guid Id, string Name)> FindOrganizationAsync(CancellationToken cancellationToken)
    {
        await using var db = await target.CreateContextAsync(cancellationToken);
        List<string> pending;
        try
        {
            pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
        }
        catch (DbException e)
        {
            throw new SeederException($"cannot read the database {target.Location}: {e.Message}");
        }

        if (pending.Count > 0)
        {
            throw new SeederException(
                $"the database {target.Location} does not have the server's current schema (missing migration {pending[0]}): start the server once, or run `orgs create`, which migrates");
        }

        var id = Guid.TryParse(organization, out var parsed) ? parsed : Guid.Empty;
        var name = organization.ToLowerInvariant();
        var found = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == id || o.NameNormalized == name)
            .Select(o => new { o.Id, o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? throw new SeederException($"organization \"{organization}\" not found in {target.Location}: create it with `orgs create \"{organization}\"`, or give an existing name or id")
            : (found.Id, found.Name);
    }

    /// <summary>Whether <paramref name="newRows"/> are enough, and more than the table has, to drop its indexes and rebuild them.</summary>
    private async Task<bool> WorthRebuildingAsync(string table, long newRows, CancellationToken cancellationToken) =>
        newRows >= RebuildIndexesFrom && newRows > await target.CountRowsAsync(table, cancellationToken);

    private async Task<Guid[]> LoadUsersAsync(
        DirectoryGenerator generator, Guid organizationId, ExistingDirectory existing, ProgressTask task, SeedSummary summary, CancellationToken cancellationToken)
    {
        var userIds = new Guid[plan.Users];

        // Runs on the generating thread: building the entity and rendering its document happen beside the writes.
        IEnumerable<User> NewUsers()
        {
            foreach (var seed in generator.Users())
            {
                if (existing.FindUser(seed.UserName, seed.Id) is { } there)
                {
                    // Already there (a re-run, or the same userName created otherwise): kept as it is, its id used.
                    userIds[seed.Index] = there;
                    task.Increment(1);
                    continue;
                }

                userIds[seed.Index] = seed.Id;
                var user = SeedUserEntity.Create(seed, organizationId);
                // The manager may be a user that was already there under another id: point at that one. The document is
                // the same either way, since it never holds the manager (the server adds it when reading).
                user.ManagerId = seed.ManagerIndex is { } manager ? userIds[manager] : null;
                yield return user;
            }
        }

        var (users, values, addresses) = await target.WriteUsersAsync(
            Produce(NewUsers().Chunk(UsersPerChunk), UserChunksAhead, cancellationToken), written => task.Increment(written), cancellationToken);
        summary.Add("users", users, plan.Users - users);
        summary.Add("user values (emails, phones)", values, 0);
        summary.Add("user addresses", addresses, 0);
        return userIds;
    }

    private async Task<List<(SeedGroup Group, Guid Id)>> LoadGroupsAsync(
        DirectoryGenerator generator, Guid organizationId, ExistingDirectory existing, ProgressTask task, SeedSummary summary, CancellationToken cancellationToken)
    {
        var groups = new List<(SeedGroup, Guid)>(plan.Groups);
        var fresh = new List<Group>();
        foreach (var group in generator.Groups())
        {
            if (existing.FindGroup(group.DisplayName, group.Id) is { } there)
            {
                groups.Add((group, there));
                continue;
            }

            groups.Add((group, group.Id));
            fresh.Add(SeedGroupEntity.Create(group, organizationId));
        }

        var written = await target.WriteGroupsAsync(fresh, cancellationToken);
        task.Increment(plan.Groups);
        summary.Add("groups", written, plan.Groups - written);
        return groups;
    }

    private async Task LoadMembershipsAsync(
        DirectoryGenerator generator, Guid organizationId, ExistingDirectory existing, Guid[] userIds, List<(SeedGroup Group, Guid Id)> groups,
        ProgressTask task, SeedSummary summary, CancellationToken cancellationToken)
    {
        // Groups in id order and each group's members in id order: the primary key (GroupId, MemberId) is appended to.
        // Guid's order is the order of its text, so it is SQLite's (upper-case text) and PostgreSQL's (uuid) alike.
        var rows = groups.OrderBy(g => g.Id).Select(g =>
        {
            var indexes = new int[g.Group.Size];
            generator.Members(g.Group, indexes);
            var members = new Guid[indexes.Length];
            for (var i = 0; i < indexes.Length; i++)
            {
                members[i] = userIds[indexes[i]];
            }

            Array.Sort(members);
            var there = existing.MembersOf(g.Id);
            var fresh = there.Count == 0 ? members : [.. members.Where(m => !there.Contains(m))];
            task.Increment(members.Length - fresh.Length);
            return Array.ConvertAll(fresh, m => new GroupMember { OrganizationId = organizationId, GroupId = g.Id, MemberId = m, Type = MemberType.User });
        });

        var written = await target.WriteMembershipsAsync(Produce(rows, GroupsAhead, cancellationToken), n => task.Increment(n), cancellationToken);
        summary.Add("memberships", written, generator.MembershipCount - written);
    }

    /// <summary>Generates on another thread while this one writes: the two cores each do half the work.</summary>
    private static async IAsyncEnumerable<T> Produce<T>(IEnumerable<T> source, int ahead, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(ahead) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in source)
                {
                    await channel.Writer.WriteAsync(item, cancellationToken);
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, cancellationToken);

        await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return item;
        }

        await producer;
    }
}
