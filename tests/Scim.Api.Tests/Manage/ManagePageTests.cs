using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scim.Domain.Organizations;
using Scim.Testing;

namespace Scim.Api.Tests.Manage;

/// <summary>
/// The owner's page over HTTP: who may sign in, what the sign-in cookie is and is not good for, forms that need their
/// antiforgery token, and one organization's owner never reaching another's keys. Its screens are driven in a real
/// browser by Scim.Browser.Tests.
/// </summary>
public sealed class ManagePageTests : IDisposable
{
    private readonly ScimApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task APage_WithoutASignIn_SendsToTheSignInPage_AndComesBackAfterIt()
    {
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin);
        var client = ManageClient.Create(factory);

        var response = await client.GetAsync("manage/keys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/manage/signin?ReturnUrl=%2Fmanage%2Fkeys", response.Headers.Location!.PathAndQuery);
        var signedIn = await ManageClient.PostFormAsync(client, response.Headers.Location.PathAndQuery, new Dictionary<string, string> { ["Token"] = token });
        Assert.Equal("/manage/keys", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithAnAdminKey_SetsAHostOnlySecureHttpOnlyStrictSessionCookie_ThatHoldsNoSecret()
    {
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin);
        var client = ManageClient.Create(factory);

        var response = await ManageClient.SignInAsync(client, token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-scim-manage=", StringComparison.Ordinal));
        foreach (var attribute in new[] { "path=/", "secure", "samesite=strict", "httponly" })
        {
            Assert.Contains(attribute, cookie, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, cookie, StringComparison.Ordinal);
        var keys = await client.GetAsync("manage/keys");
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        Assert.Contains(token[..12], await keys.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scim", "cannot sign in here: that takes a key with the admin scope")]
    [InlineData("unknown", "This is not an API key of any organization")]
    [InlineData("revoked", "was revoked on")]
    [InlineData("operator", "This operator secret is not one this deployment knows")]
    public async Task SignIn_WithAKeyThatMayNot_ShowsWhy_AndSetsNoSessionCookie(string kind, string why)
    {
        var (organizationId, scimToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var token = kind switch
        {
            "scim" => scimToken,
            "unknown" => "scim_" + new string('x', 43),
            "operator" => "scimop_" + new string('y', 43),
            _ => await RevokedAdminKeyAsync(organizationId),
        };
        var client = ManageClient.Create(factory);

        var response = await ManageClient.SignInAsync(client, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(why), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("__Host-scim-manage=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("manage")).StatusCode);
    }

    [Fact]
    public async Task TheSessionCookie_IsNoCredentialForScimOrTheAdministrationApi()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin | ApiKeyScopes.Scim);
        var client = await ManageClient.SignedInAsync(factory, token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("Users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"admin/organizations/{organizationId}/keys")).StatusCode);
    }

    [Fact]
    public async Task AForm_WithoutItsAntiforgeryToken_Is400InHtml_AndCreatesNoKey()
    {
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin);
        var client = await ManageClient.SignedInAsync(factory, token);

        var response = await client.PostAsync("manage/keys", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Label"] = "forged", ["Form.Scim"] = "true" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("The request could not be accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("forged", await client.GetStringAsync("manage/keys"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingAKey_ShowsItsSecretOnce_WithTheScopesToggled_AndTheListNeverShowsItAgain()
    {
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin);
        var client = await ManageClient.SignedInAsync(factory, token);

        var created = await ManageClient.PostFormAsync(client, "manage/keys", new Dictionary<string, string>
        {
            ["Form.Label"] = "Entra ID",
            ["Form.Scim"] = "false",
            ["Form.Read"] = "true",
            ["Form.Write"] = "false",
            ["Form.Admin"] = "false",
            ["Form.Expires"] = "90d",
        });

        var page = await created.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(page, "id=\"new-key\" value=\"(scim_[^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("scim_", secret, StringComparison.Ordinal);
        Assert.Contains("it will not be shown again", page, StringComparison.Ordinal);
        Assert.True(created.Headers.CacheControl!.NoStore);
        Assert.DoesNotContain(secret, await client.GetStringAsync("manage/keys"), StringComparison.Ordinal);
        var reader = factory.CreateClientWithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("Users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("Users", null)).StatusCode);
    }

    [Fact]
    public async Task RevokingTheKeyOfASignIn_EndsIt_AtItsNextRequest()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (keyId, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Admin);
        var client = await ManageClient.SignedInAsync(factory, token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("manage")).StatusCode);

        await factory.RevokeApiKeyAsync(keyId);

        var response = await client.GetAsync("manage");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/manage/signin", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AnOwner_NeverSeesNorRevokesAnotherOrganizationsKeys()
    {
        var (_, ownerToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin);
        var (otherId, otherToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var otherKey = (await factory.CreateApiKeyAsync(otherId)).KeyId;
        var client = await ManageClient.SignedInAsync(factory, ownerToken);

        Assert.DoesNotContain(otherToken[..12], await client.GetStringAsync("manage/keys"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"manage/revokekey?id={otherKey}")).StatusCode);
        var revoke = await ManageClient.PostFormAsync(client, "manage/keys", new Dictionary<string, string> { ["Id"] = otherKey.ToString() }, $"manage/revokekey?id={otherKey}");
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Null((await factory.ReadApiKeyAsync(otherId, otherKey)).RevokedUtc);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClientWithToken(otherToken).GetAsync("Users")).StatusCode);
    }

    [Fact]
    public async Task TheOperator_PicksAnOrganization_ThenSeesItsKeys_AndLosesTheSignInWhenItsSecretIsRemoved()
    {
        var secret = factory.ConfigureOperator();
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = ManageClient.Create(factory);

        var signedIn = await ManageClient.SignInAsync(client, secret);
        Assert.Equal("/manage/organizations", signedIn.Headers.Location!.OriginalString);
        var picked = await ManageClient.PostFormAsync(client, "manage/organizations", new Dictionary<string, string> { ["Pick"] = organizationId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.Contains(token[..12], await client.GetStringAsync("manage/keys"), StringComparison.Ordinal);

        factory.LiveSettings.SetList("Scim:Admin:OperatorKeys", OperatorKeysEntry());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("manage/keys")).StatusCode);

        static string OperatorKeysEntry() => Scim.Api.Authentication.OperatorKeys.EntryOf(Scim.Api.Authentication.OperatorKeys.CreateSecret());
    }

    [Fact]
    public async Task EveryPage_ForbidsFramingAndCaching_AndRunsOnlyItsOwnScriptAndStyle()
    {
        var response = await ManageClient.Create(factory).GetAsync("manage/signin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.True(response.Headers.CacheControl!.NoStore);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "script-src 'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"<style nonce=\"{nonce}\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeysExpiry_EndsTheSignInMadeWithIt()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (_, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Admin, factory.Clock.GetUtcNow().AddMinutes(10));
        var client = await ManageClient.SignedInAsync(factory, token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("manage/keys")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal("/manage/signin", (await client.GetAsync("manage/keys")).Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/Users")]
    [InlineData("/admin/organizations")]
    [InlineData("//evil.example/manage")]
    [InlineData("https://evil.example/manage")]
    [InlineData("/manage/../Users")]
    [InlineData("/manage/%2e%2e/admin/organizations")]
    public async Task SignIn_GoesBackOnlyToAPageOfTheSite(string returnUrl)
    {
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin);
        var client = ManageClient.Create(factory);

        var response = await ManageClient.PostFormAsync(client, $"manage/signin?ReturnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string> { ["Token"] = token });

        Assert.Equal("/manage", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheKeyForm_SentTwice_OrFiveTimesAtOnce_CreatesOneKey_AndAFormWithValuesItNeverSends_CreatesNone()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin);
        var client = await ManageClient.SignedInAsync(factory, token);
        var page = await client.GetStringAsync("manage/keys");
        var once = System.Text.RegularExpressions.Regex.Match(page, "name=\"Form.Once\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new Dictionary<string, string> { ["Form.Label"] = "twice", ["Form.Scim"] = "true", ["Form.Expires"] = "never", ["Form.Once"] = once };

        var first = await ManageClient.PostFormAsync(client, "manage/keys", form);
        var second = await ManageClient.PostFormAsync(client, "manage/keys", form);
        var page2 = await client.GetStringAsync("manage/keys");
        var together = new Dictionary<string, string>(form)
        {
            ["Form.Label"] = "together",
            ["Form.Once"] = System.Text.RegularExpressions.Regex.Match(page2, "name=\"Form.Once\" value=\"([^\"]+)\"").Groups[1].Value,
        };
        var sentTogether = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ManageClient.PostFormAsync(client, "manage/keys", together)));
        var withoutOnce = await ManageClient.PostFormAsync(client, "manage/keys", new Dictionary<string, string> { ["Form.Label"] = "no once", ["Form.Once"] = "" });
        var garbage = await ManageClient.PostFormAsync(client, "manage/keys", new Dictionary<string, string> { ["Form.Label"] = "garbage", ["Form.Admin"] = "yes please" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("This form was sent already", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("values this page does not send", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Scim.Application.Features.Organizations.ListApiKeys.Query(organizationId.ToString()));
        Assert.Single(sentTogether, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.BadRequest, withoutOnce.StatusCode);
        Assert.Equal(["test", "together", "twice"], keys.Value!.Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WhatOthersWrote_IsShownAsText_NeverAsMarkup()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin | ApiKeyScopes.Scim);
        const string Hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(
                new Scim.Application.Features.Organizations.CreateApiKey.Command(organizationId.ToString(), Hostile, ApiKeyScopes.Read));
        }

        var scim = factory.CreateClientWithToken(token);
        var user = await scim.PostAsync("Users", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" }, ["userName"] = "x" + Hostile, ["displayName"] = Hostile }),
            System.Text.Encoding.UTF8, "application/scim+json"));
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        var client = await ManageClient.SignedInAsync(factory, token);

        foreach (var page in new[] { "manage/keys", "manage/?q=x", "manage/activity" })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", await client.GetStringAsync("manage/keys"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLargestTeams_AreTheOrganizationsOwn_MostMembersFirst()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin | ApiKeyScopes.Scim);
        var (otherId, otherToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var users = await factory.InsertUsersAsync(organizationId, 3);
        var others = await factory.InsertUsersAsync(otherId, 5);
        await CreateGroupAsync(factory.CreateClientWithToken(token), "Small team", users.Take(1));
        await CreateGroupAsync(factory.CreateClientWithToken(token), "Big team", users);
        await CreateGroupAsync(factory.CreateClientWithToken(otherToken), "Other organization's team", others);
        var client = await ManageClient.SignedInAsync(factory, token);

        var html = await client.GetStringAsync("manage");

        var largest = html[html.IndexOf("largest-title", StringComparison.Ordinal)..];
        Assert.True(largest.IndexOf("Big team", StringComparison.Ordinal) < largest.IndexOf("Small team", StringComparison.Ordinal));
        Assert.DoesNotContain("Other organization", html, StringComparison.Ordinal);
        Assert.Contains("<td>3</td>", largest, StringComparison.Ordinal);

        static async Task CreateGroupAsync(HttpClient scim, string name, IEnumerable<string> members) =>
            Assert.Equal(HttpStatusCode.Created, (await scim.PostAsync("Groups", new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" },
                    ["displayName"] = name,
                    ["members"] = members.Select(id => new Dictionary<string, string> { ["value"] = id }).ToArray(),
                }),
                System.Text.Encoding.UTF8, "application/scim+json"))).StatusCode);
    }

    [Fact]
    public async Task WithThePageTurnedOff_ItsPathsAreNotServed()
    {
        using var off = new ScimApiFactory { Settings = new Dictionary<string, string> { ["Scim:Manage:Enabled"] = "false" } };

        var response = await ManageClient.Create(off).GetAsync("manage/signin");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType!.MediaType);
    }

    private async Task<string> RevokedAdminKeyAsync(Guid organizationId)
    {
        var (keyId, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Admin);
        await factory.RevokeApiKeyAsync(keyId);
        return token;
    }
}
