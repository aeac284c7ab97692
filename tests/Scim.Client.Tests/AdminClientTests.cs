using Microsoft.Extensions.DependencyInjection;
using Scim.Client.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Client.Tests;

/// <summary>
/// The administration API through the generated <see cref="ScimAdminClient"/>, as a back office would call it: the
/// operator creates organizations and keys, an organization's admin key reads its activity and provisioning runs, and
/// what a credential may not see is a <see cref="ScimException"/> with the server's SCIM error.
/// </summary>
public sealed class AdminClientTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    [Fact]
    public async Task AddScimAdminClient_with_the_operator_secret_creates_an_organization_and_a_key_that_provisions_over_scim()
    {
        var services = new ServiceCollection();
        services.AddScimAdminClient("http://localhost", fixture.Factory.ConfigureOperator())
            .ConfigurePrimaryHttpMessageHandler(() => fixture.Factory.Server.CreateHandler());
        await using var provider = services.BuildServiceProvider();
        var admin = provider.GetRequiredService<IScimAdminClient>();
        var name = $"Contoso-{Guid.NewGuid():N}";

        var organization = await admin.CreateOrganizationAsync(new OrganizationRequest { Name = name });
        var key = await admin.CreateApiKeyAsync(organization.Id, new ApiKeyRequest { Label = "entra-provisioning", Scopes = ["scim"] });

        Assert.Equal(name, organization.Name);
        Assert.Null(organization.Region);
        Assert.Equal("http://localhost/?aadOptscim062020", organization.EntraTenantUrl);
        Assert.Equal((organization.Id, name), ((await admin.GetOrganizationAsync(organization.Id)).Id, (await admin.GetOrganizationAsync(organization.Id)).Name));
        Assert.Equal(("entra-provisioning", "active", key.Secret[..12]), (key.Label, key.Status, key.Prefix));
        Assert.Equal(["scim"], key.Scopes);
        // Left out by the server, so null here: never used, no expiry, not revoked.
        Assert.Null(key.LastUsed);
        Assert.Null(key.Expires);
        Assert.Null(key.Revoked);
        var listed = Assert.Single((await admin.ListApiKeysAsync(organization.Id)).Resources);
        Assert.Equal(key.Id, listed.Id);
        Assert.IsNotType<CreatedApiKey>(listed);

        var scim = fixture.CreateClient(key.Secret);
        var user = await scim.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "ada@example.com" });
        Assert.Equal("ada@example.com", (await scim.GetUserAsync(user.Id)).UserName);

        var revoked = await admin.RevokeApiKeyAsync(organization.Id, key.Id);
        Assert.Equal("revoked", revoked.Status);
        Assert.NotNull(revoked.Revoked);
        Assert.Equal(401, (await Assert.ThrowsAnyAsync<ScimException>(() => scim.ListUsersAsync())).Status);
    }

    [Fact]
    public async Task ListAllOrganizations_walks_every_page_by_cursor_in_name_order()
    {
        using var own = new ScimApiFactory();
        var admin = new ScimAdminClient(own.CreateDefaultClient(new Uri("http://localhost/"), new ScimBearerTokenHandler(own.ConfigureOperator())));
        foreach (var name in new[] { "delta", "Alpha", "charlie", "Echo", "bravo" })
        {
            await admin.CreateOrganizationAsync(new OrganizationRequest { Name = name });
        }

        var names = new List<string>();
        await foreach (var organization in admin.ListAllOrganizationsAsync(count: 2))
        {
            names.Add(organization.Name);
        }

        Assert.Equal(["Alpha", "bravo", "charlie", "delta", "Echo"], names);
        Assert.Throws<ArgumentOutOfRangeException>(() => admin.ListAllOrganizationsAsync(count: 0));
    }

    [Fact]
    public async Task Activity_and_provisioning_runs_of_an_organization_through_its_admin_key()
    {
        var operatorClient = fixture.CreateAdminClient(fixture.Factory.ConfigureOperator());
        var organization = await operatorClient.CreateOrganizationAsync(new OrganizationRequest { Name = $"org-{Guid.NewGuid():N}" });
        var scimKey = await operatorClient.CreateApiKeyAsync(organization.Id, new ApiKeyRequest { Label = "okta", Scopes = ["scim"] });
        var adminKey = await operatorClient.CreateApiKeyAsync(organization.Id, new ApiKeyRequest { Label = "back-office", Scopes = ["admin"] });
        var admin = fixture.CreateAdminClient(adminKey.Secret);
        var scim = fixture.CreateClient(scimKey.Secret);
        var ada = await scim.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "ada@example.com" });
        var since = fixture.Factory.Clock.GetUtcNow();
        await scim.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "grace@example.com" });
        await scim.CreateGroupAsync(new Group { Schemas = [ScimSchemas.Group], DisplayName = "Research", Members = [new Member { Value = ada.Id }] });
        Assert.Equal(409, (await Assert.ThrowsAnyAsync<ScimException>(
            () => scim.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "ada@example.com" }))).Status);

        // A failed request's row is written just after its answer.
        var activity = await WaitForAsync(() => ToListAsync(admin.ListAllActivityAsync(organization.Id, count: 2)), rows => rows.Count == 4);

        Assert.Equal([JournalOutcome.Failed, JournalOutcome.Committed, JournalOutcome.Committed, JournalOutcome.Committed], activity.Select(a => a.Outcome));
        Assert.Equal(("uniqueness", 409, JournalOperation.Create), (activity[0].ScimType, activity[0].Status, activity[0].Operation));
        Assert.Equal(Guid.Parse(ada.Id), activity[^1].ResourceId);
        Assert.All(activity, a => Assert.Equal((scimKey.Id, "okta", RequestDialect.Other), (a.KeyId, a.KeyLabel, a.Dialect)));
        var failed = Assert.Single(await ToListAsync(admin.ListAllActivityAsync(organization.Id, outcome: JournalOutcome.Failed)));
        Assert.Contains("ada@example.com", failed.Detail, StringComparison.Ordinal);
        Assert.Equal(JournalOperation.Create, Assert.Single(await ToListAsync(admin.ListAllActivityAsync(organization.Id, resourceId: Guid.Parse(ada.Id)))).Operation);
        Assert.Equal(3, (await ToListAsync(admin.ListAllActivityAsync(organization.Id, since: since))).Count);
        Assert.Equal(activity[^1].Time, Assert.Single(await ToListAsync(admin.ListAllActivityAsync(organization.Id, until: since))).Time);

        var run = Assert.Single(await ToListAsync(admin.ListAllProvisioningRunsAsync(organization.Id, gap: "PT10M")));
        Assert.Equal((scimKey.Id, "okta", true), (run.KeyId, run.KeyLabel, run.Complete));
        Assert.Equal((4, 3, 1), (run.Requests, run.Creates, run.Failures));
        Assert.Equal(("uniqueness", 409, 1), (run.FailuresByType.Single().ScimType, run.FailuresByType.Single().Status, run.FailuresByType.Single().Count));
        Assert.Equal("CreateUser", Assert.Single(run.FirstFailures).Slice);
    }

    [Fact]
    public async Task A_key_of_one_organization_gets_the_scim_error_of_the_server_for_another_organization_and_for_what_it_may_not_do()
    {
        var operatorClient = fixture.CreateAdminClient(fixture.Factory.ConfigureOperator());
        var own = await operatorClient.CreateOrganizationAsync(new OrganizationRequest { Name = $"own-{Guid.NewGuid():N}" });
        var other = await operatorClient.CreateOrganizationAsync(new OrganizationRequest { Name = $"other-{Guid.NewGuid():N}" });
        var admin = fixture.CreateAdminClient((await operatorClient.CreateApiKeyAsync(own.Id, new ApiKeyRequest { Scopes = ["admin"] })).Secret);
        var scimOnly = fixture.CreateAdminClient((await operatorClient.CreateApiKeyAsync(own.Id, new ApiKeyRequest { Scopes = ["scim"] })).Secret);

        var feed = await Assert.ThrowsAnyAsync<ScimException>(() => admin.ListChangesAsync(other.Id));
        var watched = await Assert.ThrowsAnyAsync<ScimException>(async () =>
        {
            await foreach (var change in admin.WatchChangesAsync(other.Id))
            {
                Assert.Fail($"A change of another organization: {change.Id}");
            }
        });
        var organizations = await Assert.ThrowsAnyAsync<ScimException>(() => admin.ListOrganizationsAsync());
        var withoutAdmin = await Assert.ThrowsAnyAsync<ScimException>(() => scimOnly.ListChangesAsync(own.Id));

        Assert.Equal((404, $"No organization has the id or name '{other.Id}'."), (feed.Status, feed.Detail));
        Assert.Equal((404, feed.Detail), (watched.Status, watched.Detail));
        Assert.Contains(feed.Detail!, feed.Message, StringComparison.Ordinal);
        Assert.Equal(403, organizations.Status);
        Assert.Contains("operator credential", organizations.Detail, StringComparison.Ordinal);
        Assert.Equal(403, withoutAdmin.Status);
        Assert.Contains("'admin' scope", withoutAdmin.Detail, StringComparison.Ordinal);
        Assert.Equal(400, (await Assert.ThrowsAnyAsync<ScimException>(() => admin.ListChangesAsync(own.Id, count: 0))).Status);
    }

    [Fact]
    public async Task DeleteOrganization_answers_null_when_it_is_gone_at_once_and_the_erasure_while_it_goes_on()
    {
        var operatorClient = fixture.CreateAdminClient(fixture.Factory.ConfigureOperator());
        var empty = await operatorClient.CreateOrganizationAsync(new OrganizationRequest { Name = $"empty-{Guid.NewGuid():N}" });
        // Batches of one row, a minute apart: the erasure of a directory takes many.
        using var slow = new ScimApiFactory
        {
            Settings = new Dictionary<string, string> { ["Scim:Erasure:BatchSize"] = "1", ["Scim:Erasure:PauseMilliseconds"] = "60000" },
        };
        var admin = new ScimAdminClient(slow.CreateDefaultClient(new Uri("http://localhost/"), new ScimBearerTokenHandler(slow.ConfigureOperator())));
        var full = await admin.CreateOrganizationAsync(new OrganizationRequest { Name = $"full-{Guid.NewGuid():N}" });
        var scim = new ScimClient(slow.CreateDefaultClient(new Uri("http://localhost/"),
            new ScimBearerTokenHandler((await admin.CreateApiKeyAsync(full.Id, new ApiKeyRequest { Scopes = ["scim"] })).Secret)));
        for (var i = 0; i < 3; i++)
        {
            await scim.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = $"user{i}@example.com" });
        }

        Assert.Null(await operatorClient.DeleteOrganizationAsync(empty.Id));
        var erasure = await admin.DeleteOrganizationAsync(full.Id);

        Assert.Equal(404, (await Assert.ThrowsAnyAsync<ScimException>(() => operatorClient.GetOrganizationAsync(empty.Id))).Status);
        Assert.NotNull(erasure);
        Assert.Equal((full.Id, "erasing"), (erasure.OrganizationId, erasure.Status));
        Assert.True(erasure.RemainingUsers > 0, $"{erasure.RemainingUsers} users left");
        Assert.Equal(full.Id, (await admin.GetOrganizationErasureAsync(full.Id)).OrganizationId);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    // Reads until done says so, or 30 s have passed.
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(20);
        }
    }
}
