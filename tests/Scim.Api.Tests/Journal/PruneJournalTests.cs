using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Features.Journal;
using Scim.Testing;

namespace Scim.Api.Tests.Journal;

/// <summary>
/// Retention: an organization's journal rows go once older than the retention or beyond the number kept, oldest first,
/// in bounded batches; other organizations' rows stay.
/// </summary>
public sealed class PruneJournalTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task Prune_DeletesTheRowsOlderThanTheRetention()
    {
        var (organizationId, client) = await OrganizationAsync();
        var user = await client.CreateUserAsync("""{"userName":"old@example.com"}""");
        await RetitleAsync(client, user, 3);
        factory.Clock.Advance(TimeSpan.FromDays(10));
        await RetitleAsync(client, user, 2);
        var recent = (await factory.ReadJournalAsync(organizationId)).TakeLast(2).Select(r => r.Sequence).ToList();

        var deleted = await PruneAsync(organizationId, before: factory.Clock.GetUtcNow().UtcDateTime.AddDays(-5), keep: 1_000, batchSize: 3);

        // The organization's and its key's creation, the user's, and 3 changes.
        Assert.Equal(6, deleted);
        Assert.Equal(recent, (await factory.ReadJournalAsync(organizationId)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task Prune_KeepsTheNewestRowsOfTheOrganization_AndNoOtherOrganizationsRows()
    {
        var (organizationId, client) = await OrganizationAsync();
        var user = await client.CreateUserAsync("""{"userName":"busy@example.com"}""");
        await RetitleAsync(client, user, 6);
        var (otherId, other) = await OrganizationAsync();
        await RetitleAsync(other, await other.CreateUserAsync("""{"userName":"busy@example.com"}"""), 1);
        var newest = (await factory.ReadJournalAsync(organizationId)).TakeLast(3).Select(r => r.Sequence).ToList();
        var others = (await factory.ReadJournalAsync(otherId)).Select(r => r.Sequence).ToList();

        var deleted = await PruneAsync(organizationId, before: DateTime.UnixEpoch, keep: 3, batchSize: 2);

        // 9 rows (the organization's and its key's creation, the user's, 6 changes), 3 kept.
        Assert.Equal(6, deleted);
        Assert.Equal(newest, (await factory.ReadJournalAsync(organizationId)).Select(r => r.Sequence));
        Assert.Equal(others, (await factory.ReadJournalAsync(otherId)).Select(r => r.Sequence));
        Assert.Equal(0, await PruneAsync(organizationId, before: DateTime.UnixEpoch, keep: 3, batchSize: 2));
    }

    [Fact]
    public async Task Prune_OfEveryRow_LeavesTheNextChangeANewerNumber()
    {
        var (organizationId, client) = await OrganizationAsync();
        var user = await client.CreateUserAsync("""{"userName":"again@example.com"}""");
        var last = (await factory.ReadJournalAsync(organizationId))[^1].Sequence;

        await PruneAsync(organizationId, before: factory.Clock.GetUtcNow().UtcDateTime.AddDays(1), keep: 1_000, batchSize: 10);
        Assert.Empty(await factory.ReadJournalAsync(organizationId));
        await RetitleAsync(client, user, 1);

        // A reader that had reached the last number before the pruning still finds the change made after it.
        Assert.Single(await factory.ReadJournalAsync(organizationId, after: last));
    }

    private async Task<(Guid OrganizationId, HttpClient Client)> OrganizationAsync()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        return (organizationId, factory.CreateClientWithToken(token));
    }

    private async Task<int> PruneAsync(Guid organizationId, DateTime before, int keep, int batchSize)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new PruneJournal.Command(organizationId, before, keep, batchSize, TimeSpan.Zero));
    }

    private static async Task RetitleAsync(HttpClient client, string user, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await client.PatchUserOkAsync(user, $$"""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"{{Guid.NewGuid()}}"}]}
                """);
        }
    }
}
