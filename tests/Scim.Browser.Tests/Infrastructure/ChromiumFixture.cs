using Microsoft.Playwright;

namespace Scim.Browser.Tests.Infrastructure;

/// <summary>
/// One headless Chromium (<see cref="ChromiumExecutable"/>) for the test classes of the collection
/// <see cref="SharedChromium"/>; each test opens windows of its own with <see cref="NewWindowAsync"/>. Where Chromium
/// is missing none is started: the tests skip (<see cref="ChromiumFactAttribute"/>), or fail at their first window
/// when it is required.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    // Headless in a container, as root and without a GPU; nothing it does on its own reaches for the network (updates,
    // sync, component downloads, QUIC probes), so a page test sees only the traffic of the page.
    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (!ChromiumExecutable.IsInstalled)
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumExecutable.Path,
            Headless = true,
            Args = Arguments,
        });
    }

    /// <summary>
    /// A new window (a browser context of its own: fresh cookies and storage) whose relative URLs resolve against
    /// <paramref name="baseAddress"/>. It may read and write the clipboard, so a test reads what a copy button put
    /// there.
    /// </summary>
    public async Task<BrowserWindow> NewWindowAsync(Uri? baseAddress = null)
    {
        if (browser is null)
        {
            Assert.Fail(ChromiumExecutable.MissingMessage);
        }

        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress?.ToString(),
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        return new BrowserWindow(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
