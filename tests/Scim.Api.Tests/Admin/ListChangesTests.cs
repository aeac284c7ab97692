using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Scim.Application.Features.Journal;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary>
/// <c>GET /admin/organizations/{id}/changes</c>: committed changes in commit order from an opaque cursor, across restarts
/// and while writers commit.
/// </summary>
public sealed class ListChangesTests
{
    [Fact]
    public async Task Changes_PagedByCursor_AreTheCommittedChangesInCommitOrderAndAnEmptyPageKeepsThePosition()
    {
        using var factory = new ScimApiFactory();
        var (organization, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var scim = factory.CreateClientWithToken(token);
        var admin = await factory.CreateAdminClientAsync(organization);
        var user = await scim.CreateUserAsync("""{"userName":"ada@example.com"}""");
        await scim.PatchUserOkAsync(user, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        await (await scim.PostJsonAsync("Users", """{"userName":"ada@example.com"}""")).AssertScimErrorAsync(HttpStatusCode.Conflict);
        var group = await scim.CreateGroupAsync("""{"displayName":"team"}""");
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"Users/{user}")).StatusCode);

        var (changes, cursor) = await ReadAllAsync(admin, organization, null, count: 2);

        Assert.Equal(["User", "User", "Group", "User"], changes.Select(c => c["resourceType"]!.GetValue<string>()).ToArray());
        Assert.Equal(["create", "deactivate", "create", "delete"], changes.Select(c => c["operation"]!.GetValue<string>()).ToArray());
        Assert.Equal([user, user, group, user], changes.Select(c => c["id"]!.GetValue<string>()).ToArray());
        Assert.Equal("W/\"2\"", changes[1]["version"]!.GetValue<string>());
        Assert.Equal($"http://localhost/Users/{user}", changes[0]["location"]!.GetValue<string>());
        Assert.Equal(["active"], changes[1]["attributes"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.False(changes[3].ContainsKey("version"));
        // Polling: an empty page keeps the position, and the next change comes after it.
        var empty = await admin.GetAdminAsync($"admin/organizations/{organization}/changes?cursor={cursor}");
        Assert.Empty(empty["changes"]!.AsArray());
        var next = await scim.CreateUserAsync("""{"userName":"grace@example.com"}""");
        var later = await admin.GetAdminAsync($"admin/organizations/{organization}/changes?cursor={empty["nextCursor"]}");
        Assert.Equal(next, Assert.Single(later["changes"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changes_StartNow_IsAnEmptyPageAtTheEnd_WhoseCursorGivesOnlyLaterChanges_ReadFromTheIndex()
    {
        var plans = new QueryPlanRecorder();
        using var factory = new ScimApiFactory { Interceptors = [plans] };
        var (organization, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var scim = factory.CreateClientWithToken(token);
        var admin = await factory.CreateAdminClientAsync(organization);
        await scim.CreateUserAsync("""{"userName":"before@example.com"}""");
        await (await scim.PostJsonAsync("Users", """{"userName":"before@example.com"}""")).AssertScimErrorAsync(HttpStatusCode.Conflict);
        await admin.WaitForActivityAsync(organization, 2);
        plans.Clear();

        var now = await admin.GetAdminAsync($"admin/organizations/{organization}/changes?start=now");
        var later = await scim.CreateUserAsync("""{"userName":"later@example.com"}""");
        var (changes, _) = await ReadAllAsync(admin, organization, now["nextCursor"]!.GetValue<string>(), count: 10);

        Assert.Empty(now["changes"]!.AsArray());
        Assert.Equal([later], changes.Select(c => c["id"]!.GetValue<string>()));
        var end = Assert.Single(plans.Plans, p => p.Sql.Contains("DESC", StringComparison.Ordinal) && p.Sql.Contains("journal", StringComparison.Ordinal));
        Assert.False(end.Sorts, $"The end of the feed is not read from the index.\n{end.Sql}\n--- plan:\n{end.Plan}");
        // An organization without journal rows starts at 0, where its first change comes after.
        var (empty, emptyToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var emptyAdmin = await factory.CreateAdminClientAsync(empty);
        var start = (await emptyAdmin.GetAdminAsync($"admin/organizations/{empty}/changes?start=now"))["nextCursor"]!.GetValue<string>();
        var first = await factory.CreateClientWithToken(emptyToken).CreateUserAsync("""{"userName":"first@example.com"}""");
        Assert.Equal([first], (await ReadAllAsync(emptyAdmin, empty, start, count: 10)).Changes.Select(c => c["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Changes_BadCursorCountOrStart_AreScimErrors()
    {
        using var factory = new ScimApiFactory();
        var (organization, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (other, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var admin = await factory.CreateAdminClientAsync(organization);
        var otherAdmin = await factory.CreateAdminClientAsync(other);
        var cursor = (await admin.GetAdminAsync($"admin/organizations/{organization}/changes"))["nextCursor"]!.GetValue<string>();
        var otherCursor = (await otherAdmin.GetAdminAsync($"admin/organizations/{other}/changes"))["nextCursor"]!.GetValue<string>();
        var activityCursor = await ActivityCursorAsync(factory, organization, admin);

        var tampered = cursor[..^2] + (cursor[^2] == 'A' ? 'B' : 'A') + cursor[^1];
        foreach (var bad in new[] { tampered, "not-a-cursor", otherCursor, activityCursor })
        {
            var error = await (await admin.GetAsync($"admin/organizations/{organization}/changes?cursor={Uri.EscapeDataString(bad)}"))
                .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidCursor");
            Assert.Contains("cursor", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await (await admin.GetAsync($"admin/organizations/{organization}/changes?count=0")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await (await admin.GetAsync($"admin/organizations/{organization}/changes?count=x")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        var huge = await (await admin.GetAsync($"admin/organizations/{organization}/changes?count=99999999999")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains($"from 1 to {ListChanges.MaxCount}", huge["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var start in new[] { "later", $"now&cursor={Uri.EscapeDataString(cursor)}" })
        {
            var error = await (await admin.GetAsync($"admin/organizations/{organization}/changes?start={start}")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
            Assert.Contains("start", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await (await admin.GetAsync($"admin/organizations/{other}/changes")).AssertScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Changes_ReadFromACursorAfterARestart_LoseAndReorderNothing()
    {
        var first = new ScimApiFactory();
        var (organization, token) = await first.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var before = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            before.Add(await first.CreateClientWithToken(token).CreateUserAsync($$"""{"userName":"before-{{i}}@example.com"}"""));
        }

        var (read, cursor) = await ReadAllAsync(await first.CreateAdminClientAsync(organization), organization, null, count: 3);
        Assert.Equal(before, read.Select(c => c["id"]!.GetValue<string>()));
        using var second = ScimApiFactory.RestartOf(first);
        await first.DisposeAsync();
        var after = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            after.Add(await second.CreateClientWithToken(token).CreateUserAsync($$"""{"userName":"after-{{i}}@example.com"}"""));
        }

        var (resumed, _) = await ReadAllAsync(await second.CreateAdminClientAsync(organization), organization, cursor, count: 2);

        Assert.Equal(after, resumed.Select(c => c["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Changes_ReadWhileWritersCommit_MissNoCommittedChange()
    {
        using var factory = new ScimApiFactory();
        var (organization, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var admin = await factory.CreateAdminClientAsync(organization);
        var created = new ConcurrentBag<string>();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var client = factory.CreateClientWithToken(token);
            for (var i = 0; i < 25; i++)
            {
                created.Add(await client.CreateUserAsync($$"""{"userName":"w{{w}}-{{i}}@example.com"}"""));
            }
        })).ToArray();
        var seen = new List<string>();
        string? cursor = null;
        while (!writers.All(w => w.IsCompleted))
        {
            var page = await admin.GetAdminAsync($"admin/organizations/{organization}/changes?count=7{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page["changes"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]!.GetValue<string>();
        }

        await Task.WhenAll(writers);
        var (rest, _) = await ReadAllAsync(admin, organization, cursor, count: 7);
        seen.AddRange(rest.Select(c => c["id"]!.GetValue<string>()));

        Assert.Equal(created.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    // Every change from the cursor on, page by page, and the cursor after the last.
    private static async Task<(List<JsonObject> Changes, string Cursor)> ReadAllAsync(HttpClient admin, Guid organization, string? cursor, int count)
    {
        var changes = new List<JsonObject>();
        while (true)
        {
            var page = await admin.GetAdminAsync($"admin/organizations/{organization}/changes?count={count}{(cursor is null ? "" : $"&cursor={cursor}")}");
            var items = page["changes"]!.AsArray();
            cursor = page["nextCursor"]!.GetValue<string>();
            if (items.Count == 0)
            {
                return (changes, cursor);
            }

            changes.AddRange(items.Select(i => i!.AsObject()));
        }
    }

    private static async Task<string> ActivityCursorAsync(ScimApiFactory factory, Guid organization, HttpClient admin)
    {
        var (_, token) = await factory.CreateApiKeyAsync(organization);
        var scim = factory.CreateClientWithToken(token);
        await scim.CreateUserAsync("""{"userName":"a@example.com"}""");
        await scim.CreateUserAsync("""{"userName":"b@example.com"}""");
        return (await admin.GetAdminAsync($"admin/organizations/{organization}/activity?count=1"))["nextCursor"]!.GetValue<string>();
    }
}
