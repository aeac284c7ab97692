using System.Net;
using Scim.Api.Tests.Journal;
using Scim.Application.Common;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary>
/// An organization's API keys through the administration API: the secret is shown once, in the 201 body; listings never
/// show it or its hash; a revoked key stops working; creating and revoking are journaled; bad input is 400.
/// </summary>
public sealed class ApiKeyAdminTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task Create_ByTheOrganizationsAdminKey_ReturnsTheSecretOnce_WhichWorksForScim()
    {
        var (organizationId, _, adminToken) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Admin);
        var admin = factory.AdminClient(adminToken);

        var response = await admin.SendJsonAsync(HttpMethod.Post, $"/admin/organizations/{organizationId}/keys",
            """{"label":"entra-provisioning","scopes":["scim"],"expires":"90d"}""");

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        // Never used nor revoked: lastUsed and revoked are left out, not null.
        Assert.Equal(["created", "expires", "id", "label", "prefix", "scopes", "secret", "status"], created.Select(p => p.Key).Order(StringComparer.Ordinal));
        var secret = created["secret"]!.GetValue<string>();
        var keyId = created["id"]!.GetValue<string>();
        Assert.Equal($"/admin/organizations/{organizationId}/keys/{keyId}", response.Headers.Location?.OriginalString);
        Assert.Equal((secret[..12], "entra-provisioning", "active"),
            (created["prefix"]!.GetValue<string>(), created["label"]!.GetValue<string>(), created["status"]!.GetValue<string>()));
        Assert.Equal(["scim"], created["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(90).UtcDateTime, created["expires"]!.GetValue<DateTime>(), TimeSpan.FromMinutes(1));
        await (await factory.CreateClientWithToken(secret).GetAsync("Users")).ReadScimAsync(HttpStatusCode.OK);

        var listed = await (await admin.GetAsync($"/admin/organizations/{organizationId}/keys")).ReadJsonAsync(HttpStatusCode.OK);
        var text = listed.ToJsonString();
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKeyToken.Hash(secret), text, StringComparison.Ordinal);
        var key = Assert.Single(listed["resources"]!.AsArray(), k => k!["id"]!.GetValue<string>() == keyId)!.AsObject();
        Assert.Equal(["id", "prefix", "label", "scopes", "created", "expires", "status"], key.Select(p => p.Key).Where(p => p != "lastUsed"));
    }

    [Fact]
    public async Task Create_AnAdminKey_IsAllowedForTheOwnOrganization()
    {
        var (organizationId, _, adminToken) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Admin);

        var created = await (await factory.AdminClient(adminToken).SendJsonAsync(HttpMethod.Post, $"/admin/organizations/{organizationId}/keys",
            """{"label":"owner","scopes":["admin","scim"]}""")).ReadJsonAsync(HttpStatusCode.Created);

        await (await factory.AdminClient(created["secret"]!.GetValue<string>()).GetAsync($"/admin/organizations/{organizationId}")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"label":"x","scopes":["root"]}""", "invalidValue", "'scopes' holds 'root', which is not a scope: use scim, read, write or admin")]
    [InlineData("""{"label":"x","scopes":[null]}""", "invalidValue", "'scopes' holds null, which is not a scope")]
    [InlineData("""{"label":"x","scopes":["read",null]}""", "invalidValue", "'scopes' holds null, which is not a scope")]
    [InlineData("""{"label":"x","scopes":["-1"]}""", "invalidValue", "'scopes' holds '-1', which is not a scope")]
    [InlineData("""{"label":"x","scopes":["15"]}""", "invalidValue", "'scopes' holds '15', which is not a scope")]
    [InlineData("""{"label":"x","scopes":["255"]}""", "invalidValue", "'scopes' holds '255', which is not a scope")]
    [InlineData("""{"label":"x","scopes":["scim,read"]}""", "invalidValue", "'scopes' holds 'scim,read', which is not a scope: use scim, read, write or admin (case-insensitive), one per element")]
    [InlineData("""{"label":"x","scopes":["scim read"]}""", "invalidValue", "'scopes' holds 'scim read', which is not a scope")]
    [InlineData("""{"label":"x","scopes":[""]}""", "invalidValue", "'scopes' holds '', which is not a scope")]
    [InlineData("""{"label":"a\u001b[2Jb","scopes":["scim"]}""", "invalidValue", "An API key's label may not contain U+001B (a control character)")]
    [InlineData("""{"label":"entra\u202Eatad","scopes":["scim"]}""", "invalidValue", "may not contain U+202E (an invisible formatting character)")]
    [InlineData("""{"label":"en\u200Btra","scopes":["scim"]}""", "invalidValue", "may not contain U+200B")]
    [InlineData("""{"label":"first\nsecond","scopes":["scim"]}""", "invalidValue", "may not contain U+000A (a control character)")]
    [InlineData("""{"label":"first\u2028second","scopes":["scim"]}""", "invalidValue", "may not contain U+2028 (a line separator)")]
    [InlineData("""{"label":"x\ud800","scopes":["scim"]}""", "invalidSyntax", "")]
    [InlineData("""{"label":"x","scopes":[]}""", "invalidValue", "at least one scope")]
    [InlineData("""{"label":"x"}""", "invalidValue", "at least one scope")]
    [InlineData("""{"label":"x","scopes":"scim"}""", "invalidSyntax", "'$.scopes'")]
    [InlineData("""{"label":"x","scopes":["scim"],"expires":"2001-01-01"}""", "invalidValue", "must be in the future")]
    [InlineData("""{"label":"x","scopes":["scim"],"expires":"soon"}""", "invalidValue", "'expires' is not an ISO 8601")]
    [InlineData("""{"label":"x","scopes":["scim"],"expires":7}""", "invalidSyntax", "'$.expires'")]
    public async Task Create_BadBody_Is400WithAScimError_AndCreatesNoKey(string body, string scimType, string detail)
    {
        var (organizationId, adminToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin);
        var admin = factory.AdminClient(adminToken);

        var error = await (await admin.SendJsonAsync(HttpMethod.Post, $"/admin/organizations/{organizationId}/keys", body))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, scimType);

        Assert.Contains(detail, error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single((await (await admin.GetAsync($"/admin/organizations/{organizationId}/keys")).ReadJsonAsync(HttpStatusCode.OK))["resources"]!.AsArray());
    }

    [Fact]
    public async Task Create_ScopeNames_AreCaseInsensitive_AndALabelOfMaxLengthIsKept_OneMoreRefusedInUtf16CodeUnits()
    {
        var (organizationId, adminToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin);
        var admin = factory.AdminClient(adminToken);
        var label = new string('é', 98) + "😀";

        var created = await (await admin.SendJsonAsync(HttpMethod.Post, $"/admin/organizations/{organizationId}/keys",
            new System.Text.Json.Nodes.JsonObject { ["label"] = label, ["scopes"] = new System.Text.Json.Nodes.JsonArray("SCIM", "Read") }.ToJsonString()))
            .ReadJsonAsync(HttpStatusCode.Created);
        var error = await (await admin.SendJsonAsync(HttpMethod.Post, $"/admin/organizations/{organizationId}/keys",
            new System.Text.Json.Nodes.JsonObject { ["label"] = label + "x", ["scopes"] = new System.Text.Json.Nodes.JsonArray("scim") }.ToJsonString()))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        Assert.Equal(["scim", "read"], created["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(label, created["label"]!.GetValue<string>());
        Assert.Equal("An API key's label has at most 100 UTF-16 code units (most characters count one, an emoji two or more); this one has 101.",
            error["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoke_AKeyIdThatIsNoGuid_Is404SpeakingOfKeys()
    {
        var (organizationId, _, adminToken) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Admin);

        var error = await (await factory.AdminClient(adminToken).PostAsync($"/admin/organizations/{organizationId}/keys/notaguid/revoke", null))
            .AssertScimErrorAsync(HttpStatusCode.NotFound);

        Assert.StartsWith("No API key has the id 'notaguid': a key's id is a GUID", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedAdministrationRequests_AreNotJournaledAsFailedRequests()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin | ApiKeyScopes.Scim);
        await (await factory.AdminClient(token).SendJsonAsync(HttpMethod.Post, $"/admin/organizations/{organizationId}/keys", """{"scopes":["root"]}"""))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest);

        // A SCIM failure after it, which is journaled: once it is there, so would the first be.
        await (await factory.CreateClientWithToken(token).GetAsync($"Users/{Guid.NewGuid()}")).AssertScimErrorAsync(HttpStatusCode.NotFound);

        Assert.Equal("GetUser", Assert.Single(await factory.ReadFailuresAsync(organizationId, 1)).Slice);
    }

    [Fact]
    public async Task Create_ForAnUnknownOrganization_AsOperator_Is404()
    {
        var client = factory.AdminClient(factory.ConfigureOperator());

        await (await client.SendJsonAsync(HttpMethod.Post, $"/admin/organizations/{Guid.NewGuid()}/keys", """{"scopes":["scim"]}"""))
            .AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/admin/organizations/{Guid.NewGuid()}/keys")).AssertScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revoke_TheKeyStopsWorkingAtOnce_StaysListedAsRevoked_AndRevokingAgainChangesNothing()
    {
        var (organizationId, _, adminToken) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Admin);
        var (keyId, token) = await factory.CreateApiKeyAsync(organizationId);
        var scim = factory.CreateClientWithToken(token);
        await (await scim.GetAsync("Users")).ReadScimAsync(HttpStatusCode.OK);
        var admin = factory.AdminClient(adminToken);

        var revoked = await (await admin.PostAsync($"/admin/organizations/{organizationId}/keys/{keyId}/revoke", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("revoked", revoked["status"]!.GetValue<string>());
        // Revoked through this server: its cache forgets the key at once.
        await (await scim.GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        var again = await (await admin.PostAsync($"/admin/organizations/{organizationId}/keys/{keyId}/revoke", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(revoked["revoked"]!.GetValue<DateTime>(), again["revoked"]!.GetValue<DateTime>());
        var listed = (await (await admin.GetAsync($"/admin/organizations/{organizationId}/keys")).ReadJsonAsync(HttpStatusCode.OK))["resources"]!.AsArray();
        Assert.Equal("revoked", listed.Single(k => k!["id"]!.GetValue<string>() == keyId.ToString())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoke_AKeyOfAnotherOrganization_OrNone_Is404_AndTheKeyKeepsWorking()
    {
        var (organizationId, _, adminToken) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Admin);
        var (_, otherKeyId, otherToken) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Scim);
        var admin = factory.AdminClient(adminToken);

        await (await admin.PostAsync($"/admin/organizations/{organizationId}/keys/{otherKeyId}/revoke", null)).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/admin/organizations/{organizationId}/keys/{Guid.NewGuid()}/revoke", null)).AssertScimErrorAsync(HttpStatusCode.NotFound);

        await (await factory.CreateClientWithToken(otherToken).GetAsync("Users")).ReadScimAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateAndRevoke_AreJournaled_WithTheKeysLabelAndPrefix_NeverItsSecret()
    {
        var secret = factory.ConfigureOperator();
        var (organizationId, _, _) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Scim);
        var client = factory.AdminClient(secret);
        var created = await (await client.SendJsonAsync(HttpMethod.Post, $"/admin/organizations/{organizationId}/keys",
            """{"label":"okta","scopes":["read","write"]}""")).ReadJsonAsync(HttpStatusCode.Created);
        var keyId = created["id"]!.GetValue<string>();
        var token = created["secret"]!.GetValue<string>();
        await (await client.PostAsync($"/admin/organizations/{organizationId}/keys/{keyId}/revoke", null)).ReadJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"/admin/organizations/{organizationId}/keys/{keyId}/revoke", null)).ReadJsonAsync(HttpStatusCode.OK);

        var rows = (await factory.ReadJournalAsync(organizationId))
            .Where(r => r.ResourceType == JournalResourceType.ApiKey && r.ResourceId == Guid.Parse(keyId)).ToList();

        Assert.Equal([JournalOperation.Create, JournalOperation.Revoke], rows.Select(r => r.Operation));
        Assert.All(rows, r => Assert.Equal(($"API key 'okta' ({token[..12]}…), scopes read write", "operator"), (r.Detail, r.KeyLabel)));
        Assert.Equal(["name", "scopes"], rows[0].Attributes);
        Assert.All(rows, r => Assert.DoesNotContain(token, r.ToString(), StringComparison.Ordinal));
    }
}
