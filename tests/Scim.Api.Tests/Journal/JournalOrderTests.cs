using Scim.Application.Features.Journal;
using Scim.Testing;

namespace Scim.Api.Tests.Journal;

/// <summary>
/// The journal numbers an organization's rows in the order their changes commit, also while many writers commit at once
/// (on PostgreSQL in parallel transactions): a resource's versions ascend with the sequence, and a reader that follows the
/// sequence while the writes go on misses none of them.
/// </summary>
public sealed class JournalOrderTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Fact]
    public async Task ConcurrentWriters_AreNumberedInCommitOrder_AndAReaderFollowingTheSequenceMissesNone()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var users = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await client.CreateUserAsync($$"""{"userName":"user{{i}}@example.com"}"""));
        }

        var group = await client.CreateGroupAsync("""{"displayName":"Everyone"}""");
        var start = (await factory.ReadJournalAsync(organizationId))[^1].Sequence;

        var finished = false;
        var follower = Task.Run(async () =>
        {
            var seen = new List<JournalRow>();
            var after = start;
            while (true)
            {
                // Read the flag first: a page read after the writes finished has every one of them.
                var last = Volatile.Read(ref finished);
                var page = await factory.ReadJournalAsync(organizationId, after, limit: 7);
                seen.AddRange(page);
                if (page.Count > 0)
                {
                    after = page[^1].Sequence;
                }
                else if (last)
                {
                    return seen;
                }
                else
                {
                    await Task.Delay(5);
                }
            }
        });

        // Concurrent PATCHes of each user (which retry when another commits first) and member additions to one group
        // (which never wait for each other's version).
        var writes = users.SelectMany(user => Enumerable.Range(0, 6).Select(n => client.PatchUserOkAsync(user, $$"""
                {"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"title","value":"title {{n}}"}]}
                """)))
            .Concat(users.SelectMany(user => Enumerable.Range(0, 3).Select(async _ => await client.PatchGroupOkAsync(group, $$"""
                {"schemas":["{{PatchOp}}"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{user}}"}]}]}
                """))));
        await Task.WhenAll(writes);
        Volatile.Write(ref finished, true);
        var followed = await follower;

        var rows = await factory.ReadJournalAsync(organizationId, start);
        Assert.Equal(4 * 6 + 4 * 3, rows.Count);
        Assert.Equal(rows.Select(r => r.Sequence), followed.Select(r => r.Sequence));
        foreach (var resource in rows.GroupBy(r => r.ResourceId))
        {
            var versions = resource.Select(r => r.Version!.Value).ToList();
            Assert.Equal(versions.Order(), versions);
            Assert.Equal(versions.Count, versions.Distinct().Count());
        }
    }
}
