using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scim.Api.Tests.Admin;
using Scim.Domain.Journal;
using Scim.Infrastructure.Data;
using Scim.Testing;

namespace Scim.Api.Tests.Journal;

/// <summary>
/// The journal keeps a row's operation, resource type and dialect as the integers the README's table lists (a row per
/// change, up to a million per organization: a small integer is a byte of SQLite's record), and the administration API
/// answers their names. The numbers are a stored format: a value is never renumbered, so rows written before keep their
/// meaning.
/// </summary>
public sealed class JournalStorageTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public void The_stored_numbers_are_those_the_README_lists()
    {
        Assert.Equal(
            [(0, "Create"), (1, "Replace"), (2, "Patch"), (3, "Delete"), (4, "AddMembers"), (5, "RemoveMembers"), (6, "Deactivate"), (7, "Revoke"), (8, "Rename")],
            Enum.GetValues<JournalOperation>().Select(v => ((int)v, v.ToString())));
        Assert.Equal([(0, "User"), (1, "Group"), (2, "Organization"), (3, "ApiKey")], Enum.GetValues<JournalResourceType>().Select(v => ((int)v, v.ToString())));
        Assert.Equal([(0, "Other"), (1, "EntraLegacy"), (2, "EntraAadOptscim062020"), (3, "Okta")], Enum.GetValues<RequestDialect>().Select(v => ((int)v, v.ToString())));
    }

    [Fact]
    public async Task A_row_stores_integers_and_the_activity_answers_their_names()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var okta = factory.CreateClientWithToken(token);
        okta.DefaultRequestHeaders.UserAgent.ParseAdd("Okta SCIM Client 1.0.0");
        var entra = factory.CreateClientWithToken(token);
        var user = await okta.CreateUserAsync("""{"userName":"ada@example.com"}""");
        var group = await entra.CreateGroupAsync("""{"displayName":"Engineering"}""");
        await (await entra.PatchJsonAsync($"Groups/{group}?aadOptscim062020", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"value":"{{user}}"}]}]}
            """)).AssertNoContentAsync();
        await okta.PatchUserOkAsync(user, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}
            """);

        var stored = await StoredAsync(organizationId);
        var activity = await (await factory.CreateAdminClientAsync(organizationId)).ListActivityAsync(organizationId);

        Assert.Equal([new StoredRow(0, 0, 3), new StoredRow(0, 1, 0), new StoredRow(4, 1, 2), new StoredRow(6, 0, 3)], stored);
        Assert.Equal(["deactivate", "addMembers", "create", "create"], activity.Select(r => r["operation"]!.GetValue<string>()));
        Assert.Equal(["User", "Group", "Group", "User"], activity.Select(r => r["resourceType"]!.GetValue<string>()));
        Assert.Equal(["okta", "entraAadOptscim062020", "other", "okta"], activity.Select(r => r["dialect"]!.GetValue<string>()));
        Assert.All(activity, r => Assert.Equal("committed", r["outcome"]!.GetValue<string>()));
    }

    // The directory's rows of the organization as the table holds them, in sequence order.
    private async Task<List<StoredRow>> StoredAsync(Guid organizationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
        return await db.Database.SqlQuery<StoredRow>($"""
            SELECT "Operation", "ResourceType", "Dialect" FROM "journal"
            WHERE "OrganizationId" = {organizationId} AND "ResourceType" IN (0, 1) ORDER BY "Sequence"
            """).ToListAsync();
    }

    private sealed record StoredRow(int? Operation, int? ResourceType, int Dialect);
}
