using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Scim.Domain.Organizations;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary>
/// <c>DELETE /admin/organizations/{id}</c>: the organization's keys are refused at once, then every row of it goes, in
/// batches that other organizations' writes interleave with, and an erasure a restart interrupts goes on.
/// </summary>
public sealed class DeleteOrganizationTests
{
    private static Dictionary<string, string> Erasure(int batchSize, int pauseMilliseconds) => new()
    {
        ["Scim:Erasure:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Scim:Erasure:PauseMilliseconds"] = pauseMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Delete_OrganizationWithADirectory_LeavesNoRowOfItInAnyTableAndOthersUntouched()
    {
        using var factory = new ScimApiFactory { Settings = Erasure(batchSize: 7, pauseMilliseconds: 0) };
        var (doomed, doomedToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (kept, keptToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        await FillAsync(factory, doomed, factory.CreateClientWithToken(doomedToken));
        await FillAsync(factory, kept, factory.CreateClientWithToken(keptToken));
        var admin = await factory.CreateAdminClientAsync(doomed);
        var keptBefore = await factory.CountRowsOfAsync(kept);
        Assert.All(await factory.CountRowsOfAsync(doomed), table => Assert.True(table.Value > 0, $"{table.Key} has no row to erase"));

        var response = await admin.DeleteAsync($"admin/organizations/{doomed}");

        // Usually 202 with the progress; 204 when the background service, which takes up every organization marked
        // deleted, has already erased the rest by the time the request's own first batch ends.
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.NoContent, $"DELETE answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            Assert.Equal($"/admin/organizations/{doomed}/erasure", response.Headers.Location?.OriginalString);
            var progress = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("erasing", progress["status"]!.GetValue<string>());
            Assert.Equal(doomed.ToString(), progress["organizationId"]!.GetValue<string>());
        }
        // Refused at once, remembered or not: the SCIM key was used just now, and the admin key too.
        await (await factory.CreateClientWithToken(doomedToken).GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        await (await admin.GetAsync($"admin/organizations/{doomed}/erasure")).AssertScimErrorAsync(HttpStatusCode.Unauthorized);

        var left = await factory.WaitUntilErasedAsync(doomed);

        Assert.All(left, table => Assert.True(table.Value == 0, $"{table.Value} rows of {table.Key} are left"));
        Assert.Equal(keptBefore, await factory.CountRowsOfAsync(kept));
        var keptClient = factory.CreateClientWithToken(keptToken);
        Assert.Equal(12, (await keptClient.GetListAsync("Users"))["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_SmallOrganization_IsDoneAtOnce()
    {
        using var factory = new ScimApiFactory();
        var (organization, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        await factory.CreateClientWithToken(token).CreateUserAsync("""{"userName":"ada@example.com"}""");
        var admin = await factory.CreateAdminClientAsync(organization);

        var response = await admin.DeleteAsync($"admin/organizations/{organization}");

        await response.AssertNoContentAsync();
        Assert.All(await factory.CountRowsOfAsync(organization), table => Assert.Equal(0, table.Value));
    }

    [Fact]
    public async Task Delete_AnotherOrganizationsId_Is404AndDeletesNothing()
    {
        using var factory = new ScimApiFactory();
        var (own, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (other, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var admin = await factory.CreateAdminClientAsync(own);

        await (await admin.DeleteAsync($"admin/organizations/{other}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await factory.CreateClientWithToken((await factory.CreateApiKeyAsync(own, ApiKeyScopes.Scim)).Token).DeleteAsync($"admin/organizations/{own}"))
            .AssertScimErrorAsync(HttpStatusCode.Forbidden);

        Assert.Equal(1, (await factory.CountRowsOfAsync(other))["organizations"]);
        Assert.Equal(1, (await factory.CountRowsOfAsync(own))["organizations"]);
    }

    [Fact]
    public async Task Delete_LargeOrganization_AnotherOrganizationsWritesGoOnMeanwhile()
    {
        using var factory = new ScimApiFactory { Settings = Erasure(batchSize: 200, pauseMilliseconds: 2) };
        var (doomed, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (other, otherToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        await factory.InsertUsersAsync(doomed, 20_000);
        var admin = await factory.CreateAdminClientAsync(doomed);
        var client = factory.CreateClientWithToken(otherToken);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.DeleteAsync($"admin/organizations/{doomed}")).StatusCode);
        var writesDuringErasure = 0;
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 200 && (await factory.CountRowsOfAsync(doomed))["users"] > 0; i++)
        {
            var watch = Stopwatch.StartNew();
            await client.CreateUserAsync($$"""{"userName":"during-{{i}}@example.com"}""");
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, watch.Elapsed.Ticks));
            writesDuringErasure++;
        }

        Assert.True(writesDuringErasure >= 3, $"Only {writesDuringErasure} writes ran while the erasure did");
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"A write took {slowest} during the erasure");
        Assert.All(await factory.WaitUntilErasedAsync(doomed), table => Assert.Equal(0, table.Value));
        Assert.Equal(writesDuringErasure, (await client.GetListAsync("Users"))["totalResults"]!.GetValue<int>());
        Assert.Equal(1, (await factory.CountRowsOfAsync(other))["organizations"]);
    }

    [Fact]
    public async Task Delete_InterruptedByARestart_GoesOnAfterIt()
    {
        var first = new ScimApiFactory { Settings = Erasure(batchSize: 10, pauseMilliseconds: 600_000) };
        var (doomed, token) = await first.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        await first.InsertUsersAsync(doomed, 100);
        var admin = await first.CreateAdminClientAsync(doomed);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.DeleteAsync($"admin/organizations/{doomed}")).StatusCode);
        Assert.True((await first.CountRowsOfAsync(doomed))["users"] > 0, "The erasure ended before the restart");
        using var second = ScimApiFactory.RestartOf(first, Erasure(batchSize: 10, pauseMilliseconds: 0));
        await first.DisposeAsync();

        Assert.All(await second.WaitUntilErasedAsync(doomed), table => Assert.Equal(0, table.Value));
        await (await second.CreateClientWithToken(token).GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateKey_RacingTheDeletion_IsRefusedOrRevoked_NoKeyOfTheOrganizationWorks()
    {
        // The erasure stops after its first batch, so the organization stays marked deleted with its keys: a key written
        // after the mark would stay in the database unrevoked for the whole test.
        using var factory = new ScimApiFactory { Settings = Erasure(batchSize: 1, pauseMilliseconds: 600_000) };
        var operatorClient = factory.AdminClient(factory.ConfigureOperator());
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
            await factory.InsertUsersAsync(organizationId, 3);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var create = Task.Run(async () =>
            {
                await start.Task;
                var response = await operatorClient.SendJsonAsync(
                    HttpMethod.Post, $"/admin/organizations/{organizationId}/keys", """{"label":"racing","scopes":["scim"]}""");
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    return (response, Secret: (string?)null);
                }

                // Used at once, while the deletion may still be running: the server remembers a valid key for a while.
                var secret = (await response.ReadJsonAsync(HttpStatusCode.Created))["secret"]!.GetValue<string>();
                await factory.CreateClientWithToken(secret).GetAsync("Users");
                return (response, Secret: secret);
            });
            var delete = Task.Run(async () =>
            {
                await start.Task;
                return await operatorClient.DeleteAsync($"/admin/organizations/{organizationId}");
            });
            start.SetResult();
            var (created, secret) = await create;
            var deleted = await delete;

            Assert.True(deleted.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.NoContent, $"DELETE answered {(int)deleted.StatusCode}");
            answers.Add(created.StatusCode);
            if (secret is not null)
            {
                await (await factory.CreateClientWithToken(secret).GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
            }
            else
            {
                var error = await created.AssertScimErrorAsync(HttpStatusCode.NotFound);
                Assert.Equal($"No organization has the id or name '{organizationId}'.", error["detail"]!.GetValue<string>());
            }

            Assert.Equal(0, await factory.CountUnrevokedKeysAsync(organizationId));
        }

        Assert.All(answers, status => Assert.True(status is HttpStatusCode.Created or HttpStatusCode.NotFound, $"A create answered {(int)status}"));
    }

    // Twelve users (with value rows, addresses and a manager), groups with user and group members, a failed request:
    // a row in every table of the organization.
    private static async Task FillAsync(ScimApiFactory factory, Guid organizationId, HttpClient client)
    {
        var manager = await client.CreateUserAsync("""
            {"userName":"boss@example.com","emails":[{"value":"boss@example.com","type":"work"}],
             "addresses":[{"streetAddress":"1 Main St","type":"work"}],"phoneNumbers":[{"value":"+1 555 0100"}]}
            """);
        var users = new List<string> { manager };
        for (var i = 0; i < 11; i++)
        {
            users.Add(await client.CreateUserAsync($$"""
                {"userName":"u{{i}}@example.com","emails":[{"value":"u{{i}}@example.com"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"{{manager}}"} } }
                """));
        }

        var inner = await client.CreateGroupAsync("""{"displayName":"inner"}""");
        var outer = await client.CreateGroupAsync("""{"displayName":"outer"}""");
        var members = string.Join(',', users.Select(u => $$"""{"value":"{{u}}"}"""));
        await client.PatchGroupOkAsync(inner, $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{{members}}]} ]}""");
        await client.PatchGroupOkAsync(outer, $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{inner}}"},{"value":"{{manager}}"}]} ]}""");
        await (await client.PostJsonAsync("Users", """{"userName":"boss@example.com"}""")).AssertScimErrorAsync(HttpStatusCode.Conflict);
        // 16 committed changes and the failed request, whose row is written shortly after its answer.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await factory.CountRowsOfAsync(organizationId))["journal"] < 17 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
