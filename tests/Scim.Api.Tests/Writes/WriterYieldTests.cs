using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Protocol;
using Scim.Testing;

namespace Scim.Api.Tests.Writes;

/// <summary>
/// On SQLite, a large member change gives the one writer up when a small write of another organization arrives while
/// its statements run: it is undone, the small write commits, and it runs again whole; so an organization's small write
/// does not wait for all of another's large one. PostgreSQL runs the two writes side by side.
/// </summary>
public sealed class WriterYieldTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    // More than the rows past which a write may give the writer up (256), and more than one chunk of ids (512).
    private const int LargeRows = 2_000;

    [Fact]
    public async Task LargeMemberChange_LetsAnotherOrganizationsSmallWriteCommitFirst_AndIsAppliedOnce()
    {
        var (large, members, groupId, client) = await LargeChangeAsync();
        var (other, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var writer = factory.Services.GetRequiredService<IResourceWriter>();
        var runs = new List<string>();
        var smallQueued = new TaskCompletionSource();

        var largeWrite = writer.WriteAsync<int>(large, LargeRows, async (session, _) =>
        {
            if (Record(runs, "large") == 1)
            {
                // Holds the writer until the other organization's write waits for it.
                await smallQueued.Task;
            }

            return await session.InsertMembersAsync(groupId, members, MemberType.User);
        }, CancellationToken.None);
        // The large write's organization has another write queued behind it: it still takes its turn after the other's.
        var ownWrite = RecordedWriteAsync(writer, large, runs, "own");
        var smallWrite = RecordedWriteAsync(writer, other, runs, "small");
        smallQueued.SetResult();

        Assert.True((await smallWrite).IsSuccess);
        Assert.True((await ownWrite).IsSuccess);
        Assert.Equal(3, (await largeWrite).Value);
        if (factory.Database == ScimTestDatabase.Sqlite)
        {
            Assert.Equal(["large", "small", "large", "own"], runs);
        }

        Assert.Equal(members.Take(3).Select(id => id.ToString()).Order(StringComparer.Ordinal), (await client.MemberIdsAsync(groupId.ToString())).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LargeMemberChange_UnderAStreamOfSmallWrites_IsUndoneAtMostThreeTimes()
    {
        var (large, members, groupId, client) = await LargeChangeAsync();
        var (other, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var writer = factory.Services.GetRequiredService<IResourceWriter>();
        var runs = 0;
        var small = new List<Task<Result<bool>>>();

        // Every run queues another small write before its statements: each run finds one waiting.
        var written = await writer.WriteAsync<int>(large, LargeRows, async (session, _) =>
        {
            runs++;
            small.Add(writer.WriteAsync<bool>(other, 1, (_, _) => ValueTask.FromResult<Result<bool>>(true), CancellationToken.None));
            return await session.InsertMembersAsync(groupId, members, MemberType.User);
        }, CancellationToken.None);

        Assert.Equal(3, written.Value);
        Assert.Equal(factory.Database == ScimTestDatabase.Sqlite ? 4 : 1, runs);
        Assert.All(await Task.WhenAll(small), r => Assert.True(r.IsSuccess));
        Assert.Equal(3, (await client.MemberIdsAsync(groupId.ToString())).Length);
    }

    [Fact]
    public async Task LargeMemberChange_GivesWayToASmallWriteThatArrivedAfterItsLastChunk()
    {
        var (large, members, groupId, client) = await LargeChangeAsync();
        var (other, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var writer = factory.Services.GetRequiredService<IResourceWriter>();
        var runs = new List<string>();
        Task<Result<bool>>? smallWrite = null;

        var written = await writer.WriteAsync<int>(large, LargeRows, async (session, _) =>
        {
            Record(runs, "large");
            var inserted = await session.InsertMembersAsync(groupId, members, MemberType.User);

            // Its statements done, its commit not begun: no chunk is left at which to give way.
            smallWrite ??= RecordedWriteAsync(writer, other, runs, "small");
            return inserted;
        }, CancellationToken.None);

        Assert.True((await smallWrite!).IsSuccess);
        Assert.Equal(3, written.Value);
        if (factory.Database == ScimTestDatabase.Sqlite)
        {
            Assert.Equal(["large", "small", "large"], runs);
        }

        Assert.Equal(3, (await client.MemberIdsAsync(groupId.ToString())).Length);
    }

    [Fact]
    public async Task LargeMemberChange_GivingWayBehindAWriteOfItsBatch_CommitsThatWriteAndIsAppliedOnce()
    {
        var (large, members, groupId, client) = await LargeChangeAsync();
        var (other, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var second = Guid.Parse(await client.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Founders"}"""));
        var writer = factory.Services.GetRequiredService<IResourceWriter>();
        var runs = new List<string>();
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        Task<Result<bool>>? smallWrite = null;

        // The writer is held while the large write's organization queues a small write and a 600-row one: few enough
        // rows for one batch, enough to give way.
        var hold = writer.WriteAsync<bool>(other, 1, async (_, _) =>
        {
            holding.SetResult();
            await release.Task;
            return true;
        }, CancellationToken.None);
        await holding.Task;
        var own = writer.WriteAsync<int>(large, 1, async (session, _) =>
        {
            Record(runs, "own");
            return await session.InsertMembersAsync(second, members[..1], MemberType.User);
        }, CancellationToken.None);
        var largeWrite = writer.WriteAsync<int>(large, 600, async (session, _) =>
        {
            Record(runs, "large");
            smallWrite ??= RecordedWriteAsync(writer, other, runs, "small");
            return await session.InsertMembersAsync(groupId, members[..600], MemberType.User);
        }, CancellationToken.None);
        release.SetResult();

        Assert.True((await hold).IsSuccess);
        Assert.Equal(1, (await own).Value);
        Assert.Equal(3, (await largeWrite).Value);
        Assert.True((await smallWrite!).IsSuccess);
        if (factory.Database == ScimTestDatabase.Sqlite)
        {
            Assert.Equal(["own", "large", "small", "large"], runs);
        }

        Assert.Equal([members[0].ToString()], await client.MemberIdsAsync(second.ToString()));
        Assert.Equal(3, (await client.MemberIdsAsync(groupId.ToString())).Length);
    }

    // An organization with three users and a group, and a list of LargeRows member ids: the three users first, then ids
    // of no user (skipped, as an id deleted since the request checked it).
    private async Task<(Guid Organization, Guid[] Members, Guid GroupId, HttpClient Client)> LargeChangeAsync()
    {
        var (organization, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var users = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            users.Add(Guid.Parse(await client.CreateUserAsync($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"member{{i}}@example.com"}""")));
        }

        var group = Guid.Parse(await client.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Everyone"}"""));
        return (organization, [.. users, .. Enumerable.Range(0, LargeRows - 3).Select(_ => Guid.NewGuid())], group, client);
    }

    // A write of one row that only records that it ran.
    private static Task<Result<bool>> RecordedWriteAsync(IResourceWriter writer, Guid organization, List<string> runs, string run) =>
        writer.WriteAsync<bool>(organization, 1, (_, _) =>
        {
            Record(runs, run);
            return ValueTask.FromResult<Result<bool>>(true);
        }, CancellationToken.None);

    // How many times `run` ran, this one included.
    private static int Record(List<string> runs, string run)
    {
        lock (runs)
        {
            runs.Add(run);
            return runs.Count(r => r == run);
        }
    }
}
