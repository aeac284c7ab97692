using Microsoft.Playwright;
using Scim.Browser.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Browser.Tests;

/// <summary>What each test's window gives it: a clipboard it reads, and cookies no other window sees.</summary>
[Collection(SharedChromium.Name)]
public sealed class BrowserWindowTests(ChromiumFixture chromium)
{
    [ChromiumFact]
    public async Task ReadClipboard_AfterThePageCopiedText_IsThatText()
    {
        await using var factory = new ScimApiFactory();
        var address = KestrelScimServer.Start(factory);
        await using var window = await chromium.NewWindowAsync(address);
        await window.Page.GotoAsync("/health");

        await window.Page.EvaluateAsync("() => navigator.clipboard.writeText('scim_copied')");

        Assert.Equal("scim_copied", await window.ReadClipboardAsync());
    }

    [ChromiumFact]
    public async Task Cookies_OfOneWindow_AreNotSeenByTheNext()
    {
        await using var first = await chromium.NewWindowAsync();
        await first.Context.AddCookiesAsync([new Cookie { Name = "owner", Value = "1", Url = "http://127.0.0.1/" }]);

        await using var second = await chromium.NewWindowAsync();

        Assert.Single(await first.Context.CookiesAsync());
        Assert.Empty(await second.Context.CookiesAsync());
    }
}
