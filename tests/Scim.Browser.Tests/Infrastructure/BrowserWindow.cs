using Microsoft.Playwright;

namespace Scim.Browser.Tests.Infrastructure;

/// <summary>
/// A page in a browser context of its own, like a private window: its own cookies and storage, which no other test
/// sees, and closed with them on dispose.
/// </summary>
public sealed class BrowserWindow(IBrowserContext context, IPage page) : IAsyncDisposable
{
    /// <summary>The window's context: its cookies (<c>CookiesAsync</c>), permissions, more pages.</summary>
    public IBrowserContext Context { get; } = context;

    /// <summary>The window's page.</summary>
    public IPage Page { get; } = page;

    /// <summary>
    /// The text on the clipboard, e.g. what a copy button put there. The page reads it, so it must be on a secure
    /// context's origin (https, or http on 127.0.0.1 or localhost), as it must to write it.
    /// </summary>
    public Task<string> ReadClipboardAsync() => Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
