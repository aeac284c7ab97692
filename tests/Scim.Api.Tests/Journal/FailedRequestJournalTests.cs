using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Common.Journal;
using Scim.Application.Features.Journal;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Infrastructure.Data;
using Scim.Testing;

namespace Scim.Api.Tests.Journal;

/// <summary>
/// A SCIM error answered by a Users, Groups, Bulk or search endpoint to a known key has a journal row of its own, written
/// after the answer: status, scimType and the detail (shortened, control characters escaped), never the request's body.
/// A request without a valid key has no organization to be recorded for.
/// </summary>
public sealed class FailedRequestJournalTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Fact]
    public async Task FailedRequests_AreJournaledWithTheirStatusAndScimType()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var ada = await client.CreateUserAsync("""{"userName":"ada@example.com","password":"never-recorded-secret"}""");
        var missing = Guid.NewGuid();

        await (await client.PostJsonAsync("Users", """{"userName":"ADA@example.com","password":"never-recorded-secret"}"""))
            .AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        await (await client.GetAsync("Users?filter=userName%20zz%20%22x%22")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
        await (await client.DeleteAsync($"Groups/{missing}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("Users/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"title zz \"x\""}"""))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
        await (await client.GetAsync("ResourceTypes/Nothing")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await factory.CreateClientWithToken("scim_0000000000000000000000000000000000000000").GetAsync("Users"))
            .AssertScimErrorAsync(HttpStatusCode.Unauthorized);

        var failures = await factory.ReadFailuresAsync(organizationId, 4);
        Assert.Equal(
            [(409, "uniqueness", "CreateUser"), (400, "invalidFilter", "ListUsers"), (404, null, "DeleteGroup"), (400, "invalidFilter", "SearchUsers")],
            failures.Select(f => (f.Status!.Value, f.ScimType, f.Slice)));
        Assert.Equal([JournalOperation.Create, null, JournalOperation.Delete, null], failures.Select(f => f.Operation));
        Assert.Equal([JournalResourceType.User, JournalResourceType.User, JournalResourceType.Group, JournalResourceType.User], failures.Select(f => f.ResourceType));
        Assert.Equal([null, null, missing, null], failures.Select(f => f.ResourceId));
        Assert.All(failures, f =>
        {
            Assert.Null(f.Version);
            Assert.Empty(f.Attributes);
            Assert.Equal("test", f.KeyLabel);
            Assert.False(string.IsNullOrEmpty(f.Detail));
            Assert.DoesNotContain("never-recorded-secret", f.Detail, StringComparison.Ordinal);
        });
        Assert.Contains(ada, failures[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedRequest_DetailIsShortenedAndItsControlCharactersEscaped()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var ada = await client.CreateUserAsync("""{"userName":"ada@example.com"}""");
        // The detail names the manager value sent: a line break, then far more than the journal keeps.
        var value = "line\nbreak" + new string('x', 600);

        var response = await client.PatchJsonAsync($"Users/{ada}", $$"""
            {"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace",
             "path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{value.Replace("\n", "\\n", StringComparison.Ordinal)}}"}]}
            """);
        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        var failure = Assert.Single(await factory.ReadFailuresAsync(organizationId, 1));
        Assert.Equal((JournalOperation.Patch, "PatchUser", Guid.Parse(ada)), (failure.Operation, failure.Slice, failure.ResourceId));
        Assert.Contains("line\\u000Abreak", failure.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Detail!);
        Assert.Equal(JournalRecorder.MaxDetailLength, failure.Detail!.Length);
        Assert.EndsWith("…", failure.Detail, StringComparison.Ordinal);
    }

    // A password of the wrong JSON type is refused without its value, in the answer and in the journal row, on every
    // way a password can be sent; other attributes' wrong values are still quoted (they help to find the mistake).
    [Fact]
    public async Task A_password_of_the_wrong_type_is_never_echoed_nor_journaled()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var ada = await client.CreateUserAsync("""{"userName":"pin@example.com"}""");

        HttpResponseMessage[] refused =
        [
            await client.PostJsonAsync("Users", """{"userName":"pin2@example.com","password":987654}"""),
            await client.PutJsonAsync($"Users/{ada}", """{"userName":"pin@example.com","password":246810}"""),
            await client.PatchJsonAsync($"Users/{ada}", $$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","value":{"password":112233}}]}"""),
            await client.PatchJsonAsync($"Users/{ada}", $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"password","value":true}]}"""),
        ];
        foreach (var response in refused)
        {
            var detail = (await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue"))["detail"]!.GetValue<string>();
            Assert.Matches("'password' must be a string; got a (number|boolean)", detail);
        }

        var title = await (await client.PostJsonAsync("Users", """{"userName":"pin3@example.com","title":424242}"""))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("424242", title["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var failures = await factory.ReadFailuresAsync(organizationId, 5);
        Assert.Equal(5, failures.Count);
        Assert.All(failures.Take(4), f => Assert.DoesNotMatch("987654|246810|112233", f.Detail!));
    }

    [Fact]
    public async Task KeyWithoutTheWriteScope_IsJournaledAs403()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        // read alone may not create users.
        var (keyId, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Read);

        await (await factory.CreateClientWithToken(token).PostJsonAsync("Users", """{"userName":"refused@example.com"}"""))
            .AssertScimErrorAsync(HttpStatusCode.Forbidden);

        var failure = Assert.Single(await factory.ReadFailuresAsync(organizationId, 1));
        Assert.Equal((403, keyId, "CreateUser"), (failure.Status, failure.KeyId, failure.Slice));
    }

    [Fact]
    public async Task FailedRequestOfAnOrganizationDeletedElsewhere_LeavesNoJournalRow()
    {
        var (deletedId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        (await client.GetAsync("Users")).EnsureSuccessStatusCode();
        // Another instance deletes the organization: its mark and revocations reach the database, while this server still
        // trusts the key from its cache.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
            var now = DateTime.UtcNow;
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "organizations" SET "DeletionRequestedUtc" = {now} WHERE "Id" = {deletedId}""");
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "api_keys" SET "RevokedUtc" = {now} WHERE "OrganizationId" = {deletedId}""");
        }

        var answer = await client.GetAsync("Users?filter=userName%20zz%20%22x%22");
        // The rows queued after it are written after it: once another organization's failure is there, this one's turn is past.
        var (otherId, otherToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        await (await factory.CreateClientWithToken(otherToken).GetAsync("Users?filter=userName%20zz%20%22x%22"))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
        Assert.Single(await factory.ReadFailuresAsync(otherId, 1));

        Assert.True(answer.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{answer.StatusCode}");
        Assert.DoesNotContain(await factory.ReadJournalAsync(deletedId), r => r.Outcome == JournalOutcome.Failed);
    }
}
