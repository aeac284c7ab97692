using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Bulk;
using Scim.Application.Features.Journal;
using Scim.Domain.Journal;
using Scim.Testing;

namespace Scim.Api.Tests.Journal;

/// <summary>
/// Every committed change of a user or group, through a single request or an operation of POST /Bulk, has one journal
/// row, written with the change: what it did, the attributes it changed (names only), the resource's new version, the
/// key and the dialect of the request. A change that is not committed has none.
/// </summary>
public sealed class ChangeJournalTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public async Task UserChanges_HaveOneRowEach_WithTheAttributesChangedAndTheNewVersion()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var boss = await client.CreateUserAsync("""{"userName":"boss@example.com"}""");

        var created = await (await client.PostJsonAsync("Users", """
            {"userName":"ada@example.com","name":{"givenName":"Ada"},"emails":[{"value":"ada@example.com","type":"work"}]}
            """)).ReadScimAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        var patched = await client.PatchUserOkAsync(id, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
             {"op":"replace","path":"title","value":"Engineer"},{"op":"replace","path":"{{Enterprise}}:manager","value":"{{boss}}"}]}
            """);
        var deactivated = await client.PatchUserOkAsync(id, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}
            """);
        // Omits title and the manager (cleared), changes displayName; active stays false.
        var replaced = await (await client.PutJsonAsync($"Users/{id}", """
            {"userName":"ada@example.com","name":{"givenName":"Ada"},"emails":[{"value":"ada@example.com","type":"work"}],
             "active":false,"displayName":"Ada L."}
            """)).ReadScimAsync(HttpStatusCode.OK);
        await (await client.DeleteAsync($"Users/{id}")).AssertNoContentAsync();

        var rows = (await factory.ReadChangesAsync(organizationId)).Where(r => r.ResourceId == Guid.Parse(id)).ToList();
        Assert.Equal(
            [JournalOperation.Create, JournalOperation.Patch, JournalOperation.Deactivate, JournalOperation.Replace, JournalOperation.Delete],
            rows.Select(r => r.Operation));
        Assert.Equal(["CreateUser", "PatchUser", "PatchUser", "ReplaceUser", "DeleteUser"], rows.Select(r => r.Slice));
        Assert.Equal([Version(created), Version(patched), Version(deactivated), Version(replaced), null], rows.Select(r => r.Version));
        Assert.Equal(["active", "emails", "name", "userName"], rows[0].Attributes.Order(StringComparer.Ordinal));
        Assert.Equal(["title", $"{Enterprise}:manager"], rows[1].Attributes);
        Assert.Equal(["active"], rows[2].Attributes);
        Assert.Equal(["displayName", "title", $"{Enterprise}:manager"], rows[3].Attributes.Order(StringComparer.Ordinal));
        Assert.Empty(rows[4].Attributes);
        Assert.All(rows, r => Assert.Equal(JournalResourceType.User, r.ResourceType));
        AssertAscending(rows);
    }

    [Fact]
    public async Task GroupChanges_HaveOneRowEach_MemberChangesAsAdditionsAndRemovals()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var ada = await client.CreateUserAsync("""{"userName":"ada@example.com"}""");
        var bob = await client.CreateUserAsync("""{"userName":"bob@example.com"}""");

        var created = await (await client.PostJsonAsync("Groups", $$"""{"displayName":"Team","members":[{"value":"{{ada}}"}]}""")).ReadScimAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        var added = await PatchGroupAsync(client, id, $$"""{"op":"add","path":"members","value":[{"value":"{{bob}}"}]}""");
        var removed = await PatchGroupAsync(client, id, $$"""{"op":"remove","path":"members[value eq \"{{ada}}\"]"}""");
        var renamed = await PatchGroupAsync(client, id, """{"op":"replace","path":"displayName","value":"Team A"}""");
        var replaced = await (await client.PutJsonAsync($"Groups/{id}", $$"""{"displayName":"Team B","members":[{"value":"{{ada}}"}]}"""))
            .ReadScimAsync(HttpStatusCode.OK);
        await (await client.DeleteAsync($"Groups/{id}")).AssertNoContentAsync();

        var rows = (await factory.ReadChangesAsync(organizationId)).Where(r => r.ResourceType == JournalResourceType.Group).ToList();
        Assert.Equal(
            [JournalOperation.Create, JournalOperation.AddMembers, JournalOperation.RemoveMembers, JournalOperation.Patch, JournalOperation.Replace, JournalOperation.Delete],
            rows.Select(r => r.Operation));
        Assert.Equal(["CreateGroup", "PatchGroup", "PatchGroup", "PatchGroup", "ReplaceGroup", "DeleteGroup"], rows.Select(r => r.Slice));
        Assert.Equal([Version(created), added, removed, renamed, Version(replaced), null], rows.Select(r => r.Version));
        Assert.Equal(
            [["displayName", "members"], ["members"], ["members"], ["displayName"], ["displayName", "members"], []],
            rows.Select(r => r.Attributes.Order(StringComparer.Ordinal).ToArray()));
        Assert.All(rows, r => Assert.Equal(Guid.Parse(id), r.ResourceId));
        AssertAscending(rows);
    }

    [Fact]
    public async Task Changes_CarryTheKeyTheDialectAndTheRequestId()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (keyId, token) = await factory.CreateApiKeyAsync(organizationId);
        var client = factory.CreateClientWithToken(token);

        await SendAsync(client, "Users?aadOptscim062020", "entra-compliant@example.com", userAgent: null, requestId: "req-42");
        await SendAsync(client, "Users", "entra-legacy@example.com", "Microsoft Azure AD SCIM provisioning 1.0", requestId: null);
        await SendAsync(client, "Users", "okta@example.com", "Okta SCIM Client 1.0.0", requestId: null);
        await SendAsync(client, "Users", "other@example.com", "curl/8.5.0", requestId: null);

        var rows = await factory.ReadChangesAsync(organizationId);
        Assert.Equal(
            [RequestDialect.EntraAadOptscim062020, RequestDialect.EntraLegacy, RequestDialect.Okta, RequestDialect.Other],
            rows.Select(r => r.Dialect));
        Assert.All(rows, r =>
        {
            Assert.Equal(keyId, r.KeyId);
            Assert.Equal(token[..12], r.KeyPrefix);
            Assert.Equal("test", r.KeyLabel);
            Assert.False(string.IsNullOrEmpty(r.RequestId));
        });
        Assert.Equal("req-42", rows[0].RequestId);
        Assert.NotEqual(rows[1].RequestId, rows[2].RequestId);

        static async Task SendAsync(HttpClient client, string uri, string userName, string? userAgent, string? requestId)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = ScimHttp.Json($$"""{"userName":"{{userName}}"}""") };
            if (userAgent is not null)
            {
                request.Headers.UserAgent.ParseAdd(userAgent);
            }

            if (requestId is not null)
            {
                request.Headers.Add("X-Request-Id", requestId);
            }

            await (await client.SendAsync(request)).ReadScimAsync(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task BulkOperations_HaveOneRowEach_AndAFailedOperationOnlyItsFailure()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        await client.CreateUserAsync("""{"userName":"taken@example.com"}""");

        var operations = await client.BulkOkAsync("""
            {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"alice@example.com"}},
            {"method":"PATCH","path":"/Users/bulkId:a","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"title","value":"Guide"}]}},
            {"method":"POST","path":"/Users","bulkId":"t","data":{"userName":"TAKEN@example.com"}},
            {"method":"PATCH","path":"/Users/bulkId:a","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"userName","value":"taken@example.com"}]}},
            {"method":"DELETE","path":"/Users/bulkId:a"}
            """);

        Assert.Equal(["201", "200", "409", "409", "204"], operations.Select(o => o.Status()));
        var alice = Guid.Parse(operations[0].LocationId());
        var rows = (await factory.ReadChangesAsync(organizationId)).Skip(1).ToList();
        Assert.Equal([JournalOperation.Create, JournalOperation.Patch, JournalOperation.Delete], rows.Select(r => r.Operation));
        Assert.All(rows, r => Assert.Equal(alice, r.ResourceId));
        Assert.Equal(["title"], rows[1].Attributes);
        Assert.Equal(2, rows[1].Version);

        var failures = await factory.ReadFailuresAsync(organizationId, 2);
        Assert.Equal([("CreateUser", (Guid?)null), ("PatchUser", alice)], failures.Select(f => (f.Slice, f.ResourceId)));
        Assert.All(failures, f =>
        {
            Assert.Equal(409, f.Status);
            Assert.Equal("uniqueness", f.ScimType);
            Assert.Null(f.Version);
        });
        Assert.Equal(rows[0].RequestId, failures[0].RequestId);
    }

    private static async Task<long> PatchGroupAsync(HttpClient client, string id, string operation)
    {
        var response = await client.PatchJsonAsync($"Groups/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{operation}}]}
            """);
        await response.AssertNoContentAsync();
        return ETagVersion(response.Headers.ETag!);
    }

    private static long Version(JsonObject resource) =>
        ETagVersion(EntityTagHeaderValue.Parse(resource["meta"]!["version"]!.GetValue<string>()));

    private static long ETagVersion(EntityTagHeaderValue tag) => long.Parse(tag.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertAscending(IReadOnlyList<JournalRow> rows) =>
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "sequence numbers ascend in the order of the changes");
}
