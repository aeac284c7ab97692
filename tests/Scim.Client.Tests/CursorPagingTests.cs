using Scim.Client.Tests.Infrastructure;

namespace Scim.Client.Tests;

/// <summary>
/// The cursor branch of <see cref="IScimClient.ListAllUsersAsync"/> (RFC 9865), against a stand-in server because this
/// server pages by startIndex only; the startIndex branch is tested against the real server in <see cref="ListAllClientTests"/>.
/// </summary>
public sealed class CursorPagingTests
{
    [Fact]
    public async Task Follows_nextCursor_from_an_empty_cursor_when_the_server_advertises_cursors()
    {
        using var server = new CursorPagingServer { AdvertiseCursors = true };
        var filter = ScimFilter.Sw("userName", "u");

        var users = await server.CreateClient().ListAllUsersAsync(filter: filter, count: 2, attributes: "userName").ToListAsync();

        Assert.Equal(["u1", "u2", "u3", "u4", "u5"], users.Select(u => u.UserName));
        Assert.Equal(["", "c1", "c2"], server.UserQueries.Select(q => q["cursor"].ToString()));
        Assert.All(server.UserQueries, query =>
        {
            // RFC 9865 §2: every request repeats the first one but for the cursor.
            Assert.Equal("userName sw \"u\"", query["filter"].ToString());
            Assert.Equal("2", query["count"].ToString());
            Assert.Equal("userName", query["attributes"].ToString());
            Assert.False(query.ContainsKey("startIndex"));
        });
    }

    [Fact]
    public async Task Follows_nextCursor_that_a_server_sends_without_advertising_cursors()
    {
        // RFC 9865 §2.4: a server may page by cursor only, with nextCursor even when the request has no cursor.
        using var server = new CursorPagingServer { AdvertiseCursors = false };

        var users = await server.CreateClient().ListAllUsersAsync(count: 2).ToListAsync();

        Assert.Equal(["u1", "u2", "u3", "u4", "u5"], users.Select(u => u.UserName));
        Assert.False(server.UserQueries[0].ContainsKey("cursor"));
        Assert.False(server.UserQueries[0].ContainsKey("startIndex"));
        Assert.Equal(["c1", "c2"], server.UserQueries.Skip(1).Select(q => q["cursor"].ToString()));
    }

    [Fact]
    public async Task A_refused_cursor_ends_the_walk_with_the_servers_error()
    {
        using var server = new CursorPagingServer { AdvertiseCursors = true, ExpiredCursor = "c2" };
        var received = new List<string>();

        var error = await Assert.ThrowsAnyAsync<ScimException>(async () =>
        {
            await foreach (var user in server.CreateClient().ListAllUsersAsync(count: 2))
            {
                received.Add(user.UserName);
            }
        });

        Assert.Equal(["u1", "u2", "u3", "u4"], received);
        Assert.Equal(400, error.Status);
        Assert.Equal("expiredCursor", error.ScimType);
    }
}
