using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Features.Journal;
using Scim.Client.Tests.Infrastructure;

namespace Scim.Client.Tests;

/// <summary>
/// <see cref="IScimAdminClient.WatchChangesAsync"/> against the real server: users and groups provisioned through the
/// SCIM client come out of the change feed in commit order, a saved cursor resumes with no repeat and no gap, a change
/// committed while the watch waits is delivered, <c>Retry-After</c> is waited for, and cancelling ends the watch.
/// </summary>
public sealed class WatchChangesTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    private static readonly ChangeWatchOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(50), PageSize = 2 };

    [Fact]
    public async Task Changes_come_in_commit_order_and_a_saved_cursor_resumes_with_no_repeat_and_no_gap_wherever_it_was_saved()
    {
        var (organization, secret, scim) = await CreateOrganizationAsync();
        var admin = fixture.CreateAdminClient(secret);
        var ada = await CreateUserAsync(scim, "ada@example.com");
        var grace = await CreateUserAsync(scim, "grace@example.com");
        var team = await scim.CreateGroupAsync(new Group { Schemas = [ScimSchemas.Group], DisplayName = "Research", Members = [new Member { Value = ada }] });
        await scim.PatchGroupAsync(team.Id, PatchOperations.Request(PatchOperations.AddMembers(grace)));
        await scim.PatchUserAsync(grace, PatchOperations.Request(PatchOperations.Replace("active", false)));
        await scim.DeleteUserAsync(ada);
        (Guid, JournalOperation)[] expected =
        [
            (Guid.Parse(ada), JournalOperation.Create), (Guid.Parse(grace), JournalOperation.Create), (Guid.Parse(team.Id), JournalOperation.Create),
            (Guid.Parse(team.Id), JournalOperation.AddMembers), (Guid.Parse(grace), JournalOperation.Deactivate), (Guid.Parse(ada), JournalOperation.Delete),
        ];

        var all = await TakeAsync(admin.WatchChangesAsync(organization, options: Fast), expected.Length);
        Assert.Equal(expected, all.Changes.Select(c => (c.Id, c.Operation)));
        Assert.Equal("User", all.Changes[0].ResourceType);
        Assert.EndsWith($"/Users/{ada}", all.Changes[0].Location, StringComparison.Ordinal);
        Assert.Null(all.Changes[^1].Version);

        // Stopped after each change in turn (in the middle of a page of two, or at its end), a new watch from the saved
        // cursor goes on with exactly the changes after it.
        for (var stop = 1; stop < expected.Length; stop++)
        {
            var first = await TakeAsync(admin.WatchChangesAsync(organization, options: Fast), stop);
            var rest = await TakeAsync(admin.WatchChangesAsync(organization, first.Cursor, Fast), expected.Length - stop);

            Assert.Equal(expected, first.Changes.Concat(rest.Changes).Select(c => (c.Id, c.Operation)));
            Assert.Empty((await TakeAsync(admin.WatchChangesAsync(organization, rest.Cursor, Fast), 1, TimeSpan.FromMilliseconds(300))).Changes);
        }

        // With another page size the saved cursor still resumes after the same change.
        var three = await TakeAsync(admin.WatchChangesAsync(organization, options: Fast), 3);
        var resumed = await TakeAsync(admin.WatchChangesAsync(organization, three.Cursor, new ChangeWatchOptions { PollInterval = Fast.PollInterval, PageSize = 1 }), 3);
        Assert.Equal(expected[3..], resumed.Changes.Select(c => (c.Id, c.Operation)));
    }

    [Fact]
    public async Task A_saved_cursor_whose_last_change_the_retention_dropped_resumes_with_every_change_kept()
    {
        var (organization, secret, scim) = await CreateOrganizationAsync();
        var admin = fixture.CreateAdminClient(secret);
        var users = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            users.Add(Guid.Parse(await CreateUserAsync(scim, $"user{i}@example.com")));
        }

        // Saved after the third change, the first of the second page of two.
        var first = await TakeAsync(admin.WatchChangesAsync(organization, options: Fast), 3);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            // The journal keeps the newest three rows only: the fourth change on; the third, the last one yielded, is gone.
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PruneJournal.Command(organization, DateTime.UnixEpoch, 3, 100, TimeSpan.Zero));
        }

        var rest = await TakeAsync(admin.WatchChangesAsync(organization, first.Cursor, Fast), 3);

        Assert.Equal(users[..3], first.Changes.Select(c => c.Id));
        Assert.Equal(users[3..], rest.Changes.Select(c => c.Id));
    }

    [Fact]
    public async Task A_change_committed_while_the_watch_waits_is_delivered_and_cancelling_ends_the_watch()
    {
        var (organization, secret, scim) = await CreateOrganizationAsync();
        await CreateUserAsync(scim, "before@example.com");
        var requests = new RequestCounter();
        var admin = fixture.CreateAdminClient(secret, requests);
        using var stop = new CancellationTokenSource();
        var watch = admin.WatchChangesAsync(organization, ChangeWatch.Now, Fast, stop.Token);
        var seen = new ConcurrentQueue<Change>();
        var watching = Task.Run(async () =>
        {
            await foreach (var change in watch)
            {
                seen.Enqueue(change);
            }
        });

        // Caught up and waiting: it has polled again after the first, empty page.
        await WaitUntilAsync(() => requests.Count >= 3);
        var later = await CreateUserAsync(scim, "later@example.com");
        await WaitUntilAsync(() => !seen.IsEmpty);
        await stop.CancelAsync();
        await watching.WaitAsync(TimeSpan.FromSeconds(10));

        var change = Assert.Single(seen);
        Assert.Equal((Guid.Parse(later), JournalOperation.Create), (change.Id, change.Operation));
        Assert.True(watching.IsCompletedSuccessfully);
        Assert.NotEqual(ChangeWatch.Now, watch.Cursor);
        Assert.Empty((await TakeAsync(admin.WatchChangesAsync(organization, watch.Cursor, Fast), 1, TimeSpan.FromMilliseconds(300))).Changes);
    }

    [Fact]
    public async Task An_answer_503_is_asked_again_after_its_Retry_After()
    {
        var (organization, secret, scim) = await CreateOrganizationAsync();
        var user = await CreateUserAsync(scim, "ada@example.com");
        var unavailable = new UnavailableOnce();
        var admin = fixture.CreateAdminClient(secret, unavailable);

        var watched = await TakeAsync(admin.WatchChangesAsync(organization, options: Fast), 1);

        Assert.Equal(Guid.Parse(user), Assert.Single(watched.Changes).Id);
        Assert.True(unavailable.AskedAgainAfter >= TimeSpan.FromSeconds(0.9), $"asked again after {unavailable.AskedAgainAfter}");
    }

    [Fact]
    public void A_cursor_the_watch_did_not_give_is_refused_at_once()
    {
        var admin = fixture.CreateAdminClient("scimop_unused");

        Assert.Throws<ArgumentException>(() => admin.WatchChangesAsync(Guid.NewGuid(), "a~b~c"));
        Assert.Throws<ArgumentException>(() => admin.WatchChangesAsync(Guid.NewGuid(), "a~0~c"));
        Assert.Throws<ArgumentOutOfRangeException>(() => admin.WatchChangesAsync(Guid.NewGuid(), options: new ChangeWatchOptions { PageSize = 0 }));
    }

    // An organization created through the administration client with the operator secret, its SCIM client and an
    // administration client with its own admin key.
    private async Task<(Guid Organization, string AdminSecret, IScimClient Scim)> CreateOrganizationAsync()
    {
        var operatorClient = fixture.CreateAdminClient(fixture.Factory.ConfigureOperator());
        var organization = await operatorClient.CreateOrganizationAsync(new OrganizationRequest { Name = $"org-{Guid.NewGuid():N}" });
        var scimKey = await operatorClient.CreateApiKeyAsync(organization.Id, new ApiKeyRequest { Label = "entra", Scopes = ["scim"] });
        var adminKey = await operatorClient.CreateApiKeyAsync(organization.Id, new ApiKeyRequest { Label = "watcher", Scopes = ["admin"] });
        return (organization.Id, adminKey.Secret, fixture.CreateClient(scimKey.Secret));
    }

    private static async Task<string> CreateUserAsync(IScimClient scim, string userName) =>
        (await scim.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = userName })).Id;

    // The first count changes of the watch (fewer when within is over) and its cursor after them.
    private static async Task<(List<Change> Changes, string? Cursor)> TakeAsync(ChangeWatch watch, int count, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        var changes = new List<Change>();
        await foreach (var change in watch.WithCancellation(timeout.Token))
        {
            changes.Add(change);
            if (changes.Count == count)
            {
                break;
            }
        }

        return (changes, watch.Cursor);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "Waited 30 s in vain.");
            await Task.Delay(10);
        }
    }

    // Counts the requests of the change feed.
    private sealed class RequestCounter : DelegatingHandler
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count);
            return base.SendAsync(request, cancellationToken);
        }
    }

    // Answers the first request 503 with Retry-After: 1, and measures when the next one comes.
    private sealed class UnavailableOnce : DelegatingHandler
    {
        private Stopwatch? refused;

        public TimeSpan AskedAgainAfter { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (refused is null)
            {
                refused = Stopwatch.StartNew();
                var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                {
                    Content = new StringContent(
                        """{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"503","detail":"Busy."}""", Encoding.UTF8, ScimClient.MediaType),
                };
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                return Task.FromResult(response);
            }

            if (AskedAgainAfter == TimeSpan.Zero)
            {
                AskedAgainAfter = refused.Elapsed;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
