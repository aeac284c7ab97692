using Scim.Client.Tests.Infrastructure;

namespace Scim.Client.Tests;

/// <summary>
/// <see cref="IScimClient.ListAllUsersAsync"/> and <see cref="IScimClient.ListAllGroupsAsync"/> against the real server,
/// which advertises and follows cursors (RFC 9865), and made to look like servers that page by index only
/// (RFC 7644 §3.4.2.4) or ignore <c>cursor</c>.
/// </summary>
public sealed class ListAllClientTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    [Fact]
    public async Task Walks_every_user_exactly_once_across_pages()
    {
        var recorder = new ListRequestRecorder();
        var client = await fixture.CreateClientAsync(recorder);
        var created = await CreateUsersAsync(client, 7);

        var walked = await client.ListAllUsersAsync(count: 3).ToListAsync();

        Assert.Equal(created.Order(StringComparer.Ordinal), walked.Select(u => u.Id).Order(StringComparer.Ordinal));
        // Three pages of 3, 3 and 1 by cursor, and no request after the last.
        Assert.Equal(3, recorder.ListQueries.Count);
        Assert.Equal("", recorder.ListQueries[0]["cursor"].ToString());
        Assert.All(recorder.ListQueries.Skip(1), q => Assert.NotEmpty(q["cursor"].ToString()));
        Assert.DoesNotContain(recorder.ListQueries, q => q.ContainsKey("startIndex"));
    }

    [Fact]
    public async Task A_server_that_pages_by_index_only_is_walked_by_startIndex()
    {
        var recorder = new ListRequestRecorder { HideCursorSupport = true, DropCursorParameter = true };
        var client = await fixture.CreateClientAsync(recorder);
        var created = await CreateUsersAsync(client, 7);

        var walked = await client.ListAllUsersAsync(filter: ScimFilter.Sw("userName", "walker"), count: 3).ToListAsync();

        Assert.Equal(created.Order(StringComparer.Ordinal), walked.Select(u => u.Id).Order(StringComparer.Ordinal));
        // Three pages of 3, 3 and 1, and no request after the last: the first asks for the server's default method.
        Assert.Equal(["", "4", "7"], recorder.ListQueries.Select(q => q.GetValueOrDefault("startIndex").ToString()));
        Assert.DoesNotContain(recorder.ListQueries, q => q.ContainsKey("cursor"));
    }

    [Fact]
    public async Task Walks_every_group_exactly_once_across_pages()
    {
        var client = await fixture.CreateClientAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await client.CreateGroupAsync(new Group { Schemas = [ScimSchemas.Group], DisplayName = $"Team {i}" })).Id);
        }

        var walked = await client.ListAllGroupsAsync(count: 2, excludedAttributes: "members").ToListAsync();

        Assert.Equal(created.Order(StringComparer.Ordinal), walked.Select(g => g.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Walks_only_what_the_filter_matches_with_the_attributes_asked_for()
    {
        var client = await fixture.CreateClientAsync();
        var engineers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var user = await client.CreateUserAsync(new User
            {
                Schemas = [ScimSchemas.User],
                UserName = $"user{i}@example.com",
                DisplayName = $"User {i}",
                Title = i % 2 == 0 ? "Engineer" : "Designer",
            });
            if (user.Title == "Engineer")
            {
                engineers.Add(user.UserName);
            }
        }

        var walked = await client.ListAllUsersAsync(filter: ScimFilter.Eq("title", "engineer"), count: 2, attributes: "userName").ToListAsync();

        Assert.Equal(engineers, walked.Select(u => u.UserName).Order(StringComparer.Ordinal));
        Assert.All(walked, u => Assert.Null(u.DisplayName));
    }

    [Fact]
    public async Task Cancelling_stops_the_walk_between_users_and_before_the_next_page()
    {
        var recorder = new ListRequestRecorder();
        var client = await fixture.CreateClientAsync(recorder);
        await CreateUsersAsync(client, 5);
        using var cancellation = new CancellationTokenSource();

        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.ListAllUsersAsync(count: 2, cancellationToken: cancellation.Token))
            {
                received++;
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(1, received);
        Assert.Single(recorder.ListQueries);
    }

    [Fact]
    public async Task WithCancellation_cancels_the_walk_too()
    {
        var client = await fixture.CreateClientAsync();
        await CreateUsersAsync(client, 3);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.ListAllUsersAsync(count: 2).WithCancellation(cancellation.Token))
            {
                Assert.Fail("A cancelled walk yields nothing.");
            }
        });
    }

    [Fact]
    public async Task A_server_that_ignores_cursor_is_paged_by_startIndex()
    {
        // RFC 9865 §2 adds a parameter that servers without cursors do not know: this one advertises cursors but never
        // sees the parameter (the recorder drops it), so it answers index pages, as a server that ignores cursor= does.
        var recorder = new ListRequestRecorder { DropCursorParameter = true };
        var client = await fixture.CreateClientAsync(recorder);
        var created = await CreateUsersAsync(client, 5);

        var walked = await client.ListAllUsersAsync(filter: ScimFilter.Sw("userName", "walker"), count: 2).ToListAsync();

        Assert.Equal(created.Order(StringComparer.Ordinal), walked.Select(u => u.Id).Order(StringComparer.Ordinal));
        Assert.Equal("", recorder.ListQueries[0]["cursor"].ToString());
        Assert.Equal(["3", "5"], recorder.ListQueries.Skip(1).Select(q => q["startIndex"].ToString()));
        Assert.All(recorder.ListQueries.Skip(1), q => Assert.False(q.ContainsKey("cursor")));
    }

    [Fact]
    public async Task A_page_size_below_one_is_refused_at_the_call()
    {
        var client = await fixture.CreateClientAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => client.ListAllUsersAsync(count: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.ListAllGroupsAsync(count: -1));
    }

    [Fact]
    public async Task An_invalid_filter_surfaces_during_the_walk()
    {
        var client = await fixture.CreateClientAsync();

        var error = await Assert.ThrowsAnyAsync<ScimException>(() => client.ListAllUsersAsync(filter: "userName zz \"x\"").ToListAsync().AsTask());

        Assert.Equal(400, error.Status);
        Assert.Equal("invalidFilter", error.ScimType);
    }

    private static async Task<List<string>> CreateUsersAsync(IScimClient client, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = $"walker{i}@example.com" })).Id);
        }

        return ids;
    }
}
