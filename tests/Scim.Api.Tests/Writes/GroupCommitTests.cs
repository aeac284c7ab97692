using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Common.Persistence;
using Scim.Application.Features.Users;
using Scim.Domain.Users;
using Scim.Protocol;
using Scim.Testing;

namespace Scim.Api.Tests.Writes;

/// <summary>
/// Writes that arrive together share one transaction and one durable commit, each in a savepoint of its own: a write
/// that fails is undone alone and answered with its error, the others of its batch are committed and answered; and a
/// read-change-write never overwrites a concurrent change (the losing write reads again and reapplies itself).
/// </summary>
public sealed class GroupCommitTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task FailingWriteInABatch_IsUndoneAlone_AndTheOthersCommit()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var writer = factory.Services.GetRequiredService<IResourceWriter>();
        // Taken before the writes start, so the failing write fails whatever order the writes run in (SQLite runs them
        // in one batch; PostgreSQL runs them at once).
        Assert.True((await Insert(writer, organizationId, "ada@example.com")).IsSuccess);

        // The first write holds the writer until released, so on SQLite the next three queue up and form one batch.
        var release = new TaskCompletionSource();
        var holding = writer.WriteAsync<bool>(organizationId, 1, async (_, _) =>
        {
            await release.Task;
            return true;
        }, CancellationToken.None);
        var first = Insert(writer, organizationId, "dan@example.com");
        var failing = writer.WriteAsync<bool>(organizationId, 2, async (session, _) =>
        {
            // A row written, then a statement that fails: the whole write must go, the row with it.
            await session.InsertUserAsync(NewUser(organizationId, "bob@example.com"));
            return await session.InsertUserAsync(NewUser(organizationId, "ADA@example.com")) == WriteStatus.Written
                ? true
                : ScimError.Uniqueness("userName 'ADA@example.com' is taken.");
        }, CancellationToken.None);
        var last = Insert(writer, organizationId, "cy@example.com");
        release.SetResult();

        Assert.True((await holding).IsSuccess);
        Assert.True((await first).IsSuccess);
        Assert.Equal(409, (await failing).Error?.Status);
        Assert.True((await last).IsSuccess);
        Assert.Equal(1, await CountAsync(client, "ada@example.com"));
        Assert.Equal(1, await CountAsync(client, "dan@example.com"));
        Assert.Equal(0, await CountAsync(client, "bob@example.com"));
        Assert.Equal(1, await CountAsync(client, "cy@example.com"));
    }

    [Fact]
    public async Task ConcurrentPatchesOfOneUser_NeverLoseAnUpdate()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"busy@example.com"}""");

        // Each PATCH appends one email to the list it read: an overwritten concurrent update would drop an email.
        var patches = Enumerable.Range(0, 24).Select(i => client.PatchJsonAsync($"Users/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"emails","value":[{"value":"busy{{i}}@example.com","type":"other"}]}]}
            """));
        foreach (var response in await Task.WhenAll(patches))
        {
            await response.ReadScimAsync(HttpStatusCode.OK);
        }

        var user = await client.GetScimAsync($"Users/{id}");
        var emails = user["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => $"busy{i}@example.com").Order(StringComparer.Ordinal), emails);
    }

    [Fact]
    public async Task ConcurrentNestingOfTwoGroupsIntoEachOther_NeverMakesACycle()
    {
        var client = await factory.CreateScimClientAsync();
        for (var round = 0; round < 10; round++)
        {
            var a = await client.CreateGroupAsync($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"a{{round}}"}""");
            var b = await client.CreateGroupAsync($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"b{{round}}"}""");

            // Each request alone is fine; together they would make a cycle, so at most one may succeed.
            var responses = await Task.WhenAll(
                client.PatchJsonAsync($"Groups/{a}", AddMember(b)),
                client.PatchJsonAsync($"Groups/{b}", AddMember(a)));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
            var refused = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.NoContent);
            await refused.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
            Assert.Single(new[] { await client.MemberIdsAsync(a), await client.MemberIdsAsync(b) }, ids => ids.Length == 1);
        }

        static string AddMember(string id) => $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{id}}"}]}]}
            """;
    }

    private static Task<Result<bool>> Insert(IResourceWriter writer, Guid organizationId, string userName) =>
        writer.WriteAsync<bool>(organizationId, 1, async (session, _) =>
            await session.InsertUserAsync(NewUser(organizationId, userName)) == WriteStatus.Written
                ? true
                : ScimError.Uniqueness($"userName '{userName}' is taken."), CancellationToken.None);

    private static User NewUser(Guid organizationId, string userName)
    {
        var now = DateTime.UtcNow;
        var user = new User { OrganizationId = organizationId, UserName = userName, CreatedUtc = now, LastModifiedUtc = now };
        user.Normalize();
        user.Document = UserDocument.Render(user);
        return user;
    }

    private static async Task<int> CountAsync(HttpClient client, string userName) =>
        (await client.GetListAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}")).TotalResults();
}
