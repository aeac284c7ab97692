using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using Scim.Browser.Tests.Infrastructure;
using Scim.Domain.Organizations;
using Scim.Testing;

namespace Scim.Browser.Tests;

/// <summary>
/// The organization owner's page (<c>/manage</c>) driven in Chromium as an owner uses it: sign in, create a SCIM-only
/// key and copy it, provision with it, find the change in Activity, revoke the key; a wrong key; two organizations'
/// owners; each screen saved as a screenshot.
/// </summary>
[Collection(SharedChromium.Name)]
public sealed class OwnerPageTests(ChromiumFixture chromium)
{
    [ChromiumFact]
    public async Task AnOwner_CreatesAScimKey_ProvisionsWithIt_SeesTheCreateInActivity_RevokesIt_AndScimRefusesIt()
    {
        var (factory, address) = Start();
        await using var server = factory;
        var (_, adminKey) = await factory.CreateOrganizationAsync("Contoso", ApiKeyScopes.Admin);
        await using var window = await chromium.NewWindowAsync(address);
        var page = window.Page;

        await page.GotoAsync("/manage");
        Assert.EndsWith("/manage/signin?ReturnUrl=%2Fmanage", page.Url, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "signin");
        await SubmitSignInAsync(page, adminKey);
        await page.WaitForURLAsync("**/manage");
        Assert.Equal("Contoso", await page.Locator(".brand small").InnerTextAsync());

        // A key with SCIM only: the toggles' defaults, and an expiry.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await page.GetByLabel("Label").FillAsync("Entra ID provisioning");
        Assert.True(await page.GetByRole(AriaRole.Checkbox, new() { Name = "SCIM" }).IsCheckedAsync());
        Assert.False(await page.GetByRole(AriaRole.Checkbox, new() { Name = "Read API" }).IsCheckedAsync());
        Assert.False(await page.GetByRole(AriaRole.Checkbox, new() { Name = "Write API" }).IsCheckedAsync());
        await page.GetByLabel("Expires").SelectOptionAsync("365d");
        await Screenshots.SaveAsync(page, "keys-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        var secretField = page.GetByLabel("Secret token");
        var secret = await secretField.InputValueAsync();
        Assert.StartsWith("scim_", secret, StringComparison.Ordinal);
        Assert.Contains("it will not be shown again", await page.Locator("#created").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        Assert.Equal(secret, await window.ReadClipboardAsync());
        await Screenshots.SaveAsync(page, "keys-created");
        var row = page.Locator("tr", new() { HasText = "Entra ID provisioning" });
        Assert.Equal("SCIM", await row.Locator(".badge").First.InnerTextAsync());
        await page.GotoAsync("/manage/keys");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        // Connect: the Tenant URL to paste into Entra, copied as the owner would.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Connect" }).ClickAsync();
        await page.Locator("button[data-copy=entra-tenant-url]").ClickAsync();
        var tenantUrl = await window.ReadClipboardAsync();
        Assert.Equal($"{address}?aadOptscim062020", tenantUrl);
        Assert.Contains("Not used yet", await page.Locator("tr", new() { HasText = "Entra ID provisioning" }).InnerTextAsync(), StringComparison.Ordinal);

        // Entra provisions with the two pasted values: one user created, one refused as a duplicate.
        using var scim = new HttpClient();
        scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var users = new Uri(new Uri(tenantUrl), "Users?aadOptscim062020");
        Assert.Equal(HttpStatusCode.Created, (await CreateUserAsync(scim, users, "ada@contoso.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CreateUserAsync(scim, users, "ada@contoso.example")).StatusCode);

        // The server's clock is the test's: a minute on, the key's use is written down (by a background writer, so the
        // page is asked again until it shows it).
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var connection = page.Locator("tr", new() { HasText = "Entra ID provisioning" });
        for (var tries = 0; tries < 100 && !(await connection.InnerTextAsync()).Contains("a minute ago", StringComparison.Ordinal); tries++)
        {
            await Task.Delay(100);
            await page.ReloadAsync();
        }

        Assert.Contains("a minute ago", await connection.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Entra ID, a minute ago: 1 created, 1 failed", await connection.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Failures", await connection.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "connect");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Activity" }).ClickAsync();
        Assert.Contains("1 created, 1 failed", await page.Locator("#runs-title + .table").InnerTextAsync(), StringComparison.Ordinal);
        var committed = page.Locator("#activity tr[data-outcome=committed]");
        Assert.Equal(1, await committed.CountAsync());
        Assert.Contains("Create", await committed.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Entra ID", await committed.InnerTextAsync(), StringComparison.Ordinal);
        var failed = page.Locator("#activity tr[data-outcome=failed]");
        Assert.Contains("already exists here", await failed.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "activity");
        await page.GetByLabel("Outcome").SelectOptionAsync("failed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync("**/manage/activity?*outcome=failed*");
        Assert.Equal(0, await page.Locator("#activity tr[data-outcome=committed]").CountAsync());
        Assert.Equal(1, await page.Locator("#activity tr[data-outcome=failed]").CountAsync());

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        Assert.Equal("1", await page.Locator("#count-users").InnerTextAsync());
        await page.GetByLabel("User name or display name starts with").FillAsync("ada");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Contains("ada@contoso.example", await page.Locator("#found-users").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "overview");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Revoke Entra ID provisioning", Exact = false }).ClickAsync();
        await Screenshots.SaveAsync(page, "revoke");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke key" }).ClickAsync();
        await page.WaitForURLAsync("**/manage/keys?*");
        Assert.Contains("revoked", await page.Locator("tr", new() { HasText = "Entra ID provisioning" }).InnerTextAsync(), StringComparison.Ordinal);

        var refused = await scim.GetAsync(users);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("was revoked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task AWrongKey_CannotSignIn_NorAKeyWithoutTheAdminScope()
    {
        var (factory, address) = Start();
        await using var server = factory;
        var (_, scimKey) = await factory.CreateOrganizationAsync("Fabrikam");
        await using var window = await chromium.NewWindowAsync(address);
        var page = window.Page;

        foreach (var (key, why) in new[] { ("scim_not-a-key-at-all", "This is not an API key of any organization"), (scimKey, "takes a key with the admin scope") })
        {
            await page.GotoAsync("/manage/signin");
            await SubmitSignInAsync(page, key);

            Assert.Contains(why, await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
            await page.GotoAsync("/manage/keys");
            Assert.Contains("/manage/signin", page.Url, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await window.Context.CookiesAsync(), c => c.Name == "__Host-scim-manage");
    }

    [ChromiumFact]
    public async Task AnOwner_SeesNeitherTheKeysNorTheActivityOfAnotherOrganization()
    {
        var (factory, address) = Start();
        await using var server = factory;
        var (_, ownerKey) = await factory.CreateOrganizationAsync("Northwind", ApiKeyScopes.Admin);
        var (otherId, otherScimKey) = await factory.CreateOrganizationAsync("Tailspin");
        var otherKeyId = (await factory.CreateApiKeyAsync(otherId)).KeyId;
        using var other = new HttpClient { BaseAddress = address };
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", otherScimKey);
        var otherUser = await CreateUserAsync(other, "secret.person@tailspin.example");
        var otherUserId = System.Text.Json.JsonDocument.Parse(await otherUser.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        await using var window = await chromium.NewWindowAsync(address);
        var page = window.Page;
        await SignInAsync(page, ownerKey);

        await page.GotoAsync("/manage/keys");
        Assert.Equal(1, await page.Locator("table tbody tr").CountAsync());
        Assert.DoesNotContain(otherScimKey[..12], await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/manage/activity");
        Assert.Contains("Nothing yet", await page.Locator("#journal-title + p").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync($"/manage/activity?resourceId={otherUserId}");
        Assert.Contains("Nothing matches these filters", await page.Locator("#journal-title + p").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/manage/?q=secret");
        Assert.Equal("0", await page.Locator("#count-users").InnerTextAsync());
        Assert.Contains("People (0)", await page.Locator("#search-title ~ h3").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#found-users").CountAsync());
        var revoke = await page.GotoAsync($"/manage/revokekey?id={otherKeyId}");
        Assert.Equal(404, revoke!.Status);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("Users")).StatusCode);
    }

    [ChromiumFact]
    public async Task TheOperator_PicksAnOrganization_AndSeesItsKeys()
    {
        var (factory, address) = Start();
        await using var server = factory;
        var secret = factory.ConfigureOperator();
        await factory.CreateOrganizationAsync("Adventure Works");
        var (_, key) = await factory.CreateOrganizationAsync("Wide World Importers");
        await using var window = await chromium.NewWindowAsync(address);
        var page = window.Page;

        await page.GotoAsync("/manage/signin");
        await SubmitSignInAsync(page, secret);
        await page.WaitForURLAsync("**/manage/organizations");
        await Screenshots.SaveAsync(page, "organizations");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Wide World Importers" }).ClickAsync();
        await page.WaitForURLAsync("**/manage");

        Assert.Equal("Wide World Importers", await page.Locator(".brand small").InnerTextAsync());
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        Assert.Contains(key[..12], await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task OnAPhone_TheKeysAndActivityScreensFitTheWidth()
    {
        var (factory, address) = Start();
        await using var server = factory;
        var (_, adminKey) = await factory.CreateOrganizationAsync("Litware", ApiKeyScopes.Admin);
        await using var window = await chromium.NewWindowAsync(address);
        var page = window.Page;
        await page.SetViewportSizeAsync(390, 844);
        await SignInAsync(page, adminKey);

        foreach (var screen in new[] { "keys", "connect", "activity" })
        {
            await page.GotoAsync($"/manage/{screen}");
            await Screenshots.SaveAsync(page, $"phone-{screen}");
            // The page itself never scrolls sideways; a wide table scrolls within its own box.
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{screen} is wider than the phone");
        }
    }

    // Signs in with a key of the admin scope, from the sign-in page to the overview.
    private static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/manage/signin");
        await SubmitSignInAsync(page, key);
        await page.WaitForURLAsync("**/manage");
    }

    private static async Task SubmitSignInAsync(IPage page, string key)
    {
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static (ScimApiFactory Factory, Uri Address) Start()
    {
        var factory = new ScimApiFactory();
        return (factory, KestrelScimServer.Start(factory));
    }

    private static Task<HttpResponseMessage> CreateUserAsync(HttpClient scim, string userName) => CreateUserAsync(scim, new Uri("Users", UriKind.Relative), userName);

    private static Task<HttpResponseMessage> CreateUserAsync(HttpClient scim, Uri users, string userName) =>
        scim.PostAsync(users, new StringContent(
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","displayName":"Ada Lovelace","active":true}""",
            Encoding.UTF8, "application/scim+json"));
}
