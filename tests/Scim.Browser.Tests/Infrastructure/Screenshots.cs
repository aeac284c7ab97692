using Microsoft.Playwright;

namespace Scim.Browser.Tests.Infrastructure;

/// <summary>
/// Full-page PNGs of what the tests saw, kept as artifacts of the run: in the folder <c>SCIM_SCREENSHOTS</c> names,
/// else in <c>TestResults/screenshots/</c> beside the test assembly.
/// </summary>
public static class Screenshots
{
    /// <summary>The folder the screenshots are saved in.</summary>
    public static string Folder { get; } =
        Environment.GetEnvironmentVariable("SCIM_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>
    /// Saves the whole of <paramref name="page"/> (not only its viewport) as <c><paramref name="name"/>.png</c> in
    /// <see cref="Folder"/>, replacing the one of the last run, and returns the file's path.
    /// </summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"'{name}' is not a file name.", nameof(name));
        }

        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
