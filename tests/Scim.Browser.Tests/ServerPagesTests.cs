using Scim.Browser.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Browser.Tests;

/// <summary>
/// The server on Kestrel as a browser meets it: the health page and the SCIM list of an organization opened in
/// Chromium, with a screenshot of each.
/// </summary>
[Collection(SharedChromium.Name)]
public sealed class ServerPagesTests(ChromiumFixture chromium)
{
    [ChromiumFact]
    public async Task HealthPage_OfARunningServer_ShowsHealthy()
    {
        await using var factory = new ScimApiFactory();
        var address = KestrelScimServer.Start(factory);
        await using var window = await chromium.NewWindowAsync(address);

        var response = await window.Page.GotoAsync("/health");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Healthy", await window.Page.Locator("body").InnerTextAsync());
        await Screenshots.SaveAsync(window.Page, "health");
    }

    [ChromiumFact]
    public async Task UsersPage_WithTheOrganizationsToken_ShowsItsEmptyList()
    {
        await using var factory = new ScimApiFactory();
        var address = KestrelScimServer.Start(factory);
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        await using var window = await chromium.NewWindowAsync(address);
        await window.Page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" });

        var response = await window.Page.GotoAsync("/Users");

        Assert.Equal(200, response!.Status);
        Assert.Contains("\"totalResults\":0", await window.Page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(window.Page, "users-empty");
    }
}
