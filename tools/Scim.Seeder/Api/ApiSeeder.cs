using System.Net.Sockets;
using Scim.Client;
using Scim.Seeder.Generation;
using Spectre.Console;

namespace Scim.Seeder.Api;

/// <summary>
/// <c>--via api</c>: writes the directory through the generated SCIM client with bounded concurrency: users, then
/// their managers (PATCH), then groups, then memberships as PATCH <c>add</c> requests of 100 members. A 409 means
/// the user or group is already there (a re-run); its id is looked up by <c>userName</c> / <c>displayName</c>.
/// </summary>
internal sealed class ApiSeeder(SeedPlan plan, IScimClient client, Uri baseUrl, int concurrency, IAnsiConsole console)
{
    /// <summary>Members per PATCH request.</summary>
    public const int MembersPerRequest = 100;

    private const string ManagerPath = ScimSchemas.EnterpriseUser + ":manager";
    private const int Attempts = 4;

    public async Task<SeedSummary> RunAsync(CancellationToken cancellationToken)
    {
        await CheckServerAsync(cancellationToken);
        console.MarkupLineInterpolated($"Seeding {baseUrl} through the SCIM API ({concurrency} concurrent requests): {plan.Users:N0} users, {plan.Groups:N0} groups, {plan.Memberships:N0} memberships, seed {plan.Seed}.");
        var summary = new SeedSummary();
        var generator = new DirectoryGenerator(plan, Guid.Empty);
        var userIds = new string[plan.Users];
        var managers = new string?[plan.Users];
        var groupIds = new string[plan.Groups];
        var users = generator.Users().ToList();
        var groups = generator.Groups().ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };

        await SeedProgress.RunAsync(console, async progress =>
        {
            var usersTask = progress.AddTask("Users", maxValue: plan.Users);
            long created = 0, existing = 0;
            await Parallel.ForEachAsync(users, options, async (user, ct) =>
            {
                var (id, isNew, manager) = await CreateUserAsync(user, ct);
                userIds[user.Index] = id;
                managers[user.Index] = manager;
                Interlocked.Increment(ref isNew ? ref created : ref existing);
                usersTask.Increment(1);
            });
            summary.Add("users", created, existing);

            // Users that were already there keep their manager when it is the right one already.
            var withManager = users.Where(u => u.ManagerIndex is { } m && managers[u.Index] != userIds[m]).ToList();
            var managersTask = progress.AddTask("Managers", maxValue: Math.Max(withManager.Count, 1));
            await Parallel.ForEachAsync(withManager, options, async (user, ct) =>
            {
                var patch = PatchOperations.Request(PatchOperations.Replace(ManagerPath, new Manager { Value = userIds[user.ManagerIndex!.Value] }));
                await RetryAsync(() => client.PatchUserAsync(userIds[user.Index], patch, cancellationToken: ct), ct);
                managersTask.Increment(1);
            });
            managersTask.Value = managersTask.MaxValue;
            summary.Add("managers (PATCH)", withManager.Count, users.Count(u => u.ManagerIndex is not null) - withManager.Count);

            var groupsTask = progress.AddTask("Groups", maxValue: Math.Max(plan.Groups, 1));
            created = existing = 0;
            await Parallel.ForEachAsync(groups, options, async (group, ct) =>
            {
                var (id, isNew) = await CreateGroupAsync(group, ct);
                groupIds[group.Index] = id;
                Interlocked.Increment(ref isNew ? ref created : ref existing);
                groupsTask.Increment(1);
            });
            groupsTask.Value = groupsTask.MaxValue;
            summary.Add("groups", created, existing);

            var batches = groups.SelectMany(group =>
            {
                var members = new int[group.Size];
                generator.Members(group, members);
                return members.Chunk(MembersPerRequest).Select(chunk => (GroupId: groupIds[group.Index], Members: chunk.Select(i => userIds[i]).ToList()));
            });
            var membershipsTask = progress.AddTask("Memberships", maxValue: Math.Max(generator.MembershipCount, 1));
            await Parallel.ForEachAsync(batches, options, async (batch, ct) =>
            {
                await RetryAsync(() => client.PatchGroupAsync(batch.GroupId, PatchOperations.Request(PatchOperations.AddMembers(batch.Members)), cancellationToken: ct), ct);
                membershipsTask.Increment(batch.Members.Count);
            });
            membershipsTask.Value = membershipsTask.MaxValue;
            summary.Add("memberships (PATCH add, 100 per request)", generator.MembershipCount, 0);
        });

        summary.Stop();
        return summary;
    }

    private async Task CheckServerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.ListUsersAsync(count: 0, cancellationToken: cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new SeederException($"cannot reach the SCIM server at {baseUrl}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SeederException($"the SCIM server at {baseUrl} did not answer in time");
        }
        catch (ScimException e) when (e.Status is 401 or 403)
        {
            throw new SeederException($"the SCIM server at {baseUrl} refused the token (HTTP {e.Status}): use a key with the 'scim' scope");
        }
        catch (ScimException e)
        {
            throw new SeederException($"{baseUrl} did not answer as a SCIM server: HTTP {e.Status}{(e.Detail is null ? "" : $": {e.Detail}")}");
        }
    }

    private async Task<(string Id, bool Created, string? Manager)> CreateUserAsync(SeedUser user, CancellationToken cancellationToken)
    {
        var resource = new User
        {
            Schemas = [ScimSchemas.User, ScimSchemas.EnterpriseUser],
            UserName = user.UserName,
            ExternalId = user.ExternalId,
            Active = true,
            DisplayName = user.DisplayName,
            Title = user.Title,
            PreferredLanguage = user.PreferredLanguage,
            Name = new Name { Formatted = user.DisplayName, GivenName = user.GivenName, FamilyName = user.FamilyName },
            Emails = [new MultiValue { Value = user.WorkEmail, Type = "work", Primary = true }],
            PhoneNumbers = [new MultiValue { Value = user.WorkPhone, Type = "work" }],
            Addresses =
            [
                new Address
                {
                    Formatted = user.Office.Formatted, StreetAddress = user.Office.StreetAddress, Locality = user.Office.Locality,
                    Region = user.Office.Region, PostalCode = user.Office.PostalCode, Country = user.Office.Country, Type = "work", Primary = true,
                },
            ],
            Enterprise = new EnterpriseUser { EmployeeNumber = user.EmployeeNumber, Department = user.Department },
        };
        if (user.OtherEmail is { } other)
        {
            resource.Emails.Add(new MultiValue { Value = other, Type = "other" });
        }

        if (user.MobilePhone is { } mobile)
        {
            resource.PhoneNumbers.Add(new MultiValue { Value = mobile, Type = "mobile" });
        }

        try
        {
            var created = await RetryAsync(() => client.CreateUserAsync(resource, cancellationToken), cancellationToken);
            return (created.Id!, true, null);
        }
        catch (ScimException e) when (e.Status == 409)
        {
            var found = await RetryAsync(() => client.ListUsersAsync(filter: $"userName eq \"{Escape(user.UserName)}\"", cancellationToken: cancellationToken), cancellationToken);
            var existing = found.Resources.Single();
            return (existing.Id!, false, existing.Enterprise?.Manager?.Value);
        }
    }

    private async Task<(string Id, bool Created)> CreateGroupAsync(SeedGroup group, CancellationToken cancellationToken)
    {
        var resource = new Group { Schemas = [ScimSchemas.Group], DisplayName = group.DisplayName, ExternalId = group.ExternalId };
        try
        {
            var created = await RetryAsync(() => client.CreateGroupAsync(resource, cancellationToken), cancellationToken);
            return (created.Id!, true);
        }
        catch (ScimException e) when (e.Status == 409)
        {
            var found = await RetryAsync(() => client.ListGroupsAsync(filter: $"displayName eq \"{Escape(group.DisplayName)}\"", excludedAttributes: "members", cancellationToken: cancellationToken), cancellationToken);
            return (found.Resources.Single().Id!, false);
        }
    }

    /// <summary>Retries what a busy server answers (429, 503) and dropped connections, with a short back-off.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> send, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send();
            }
            catch (Exception e) when (attempt < Attempts && IsTransient(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt * attempt), cancellationToken);
            }
        }
    }

    private static Task RetryAsync(Func<Task> send, CancellationToken cancellationToken) =>
        RetryAsync(async () =>
        {
            await send();
            return true;
        }, cancellationToken);

    private static bool IsTransient(Exception e) =>
        e is ScimException { Status: 429 or 502 or 503 or 504 } || (e is HttpRequestException { InnerException: IOException or SocketException });

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
