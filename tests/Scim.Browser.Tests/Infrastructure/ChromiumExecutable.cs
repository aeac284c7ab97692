namespace Scim.Browser.Tests.Infrastructure;

/// <summary>
/// The Chromium the browser tests drive: Debian's (package <c>chromium</c>) or the one <c>SCIM_CHROMIUM</c> names.
/// Playwright's own browser builds are never installed, so the tests run where only the distribution's packages can be
/// had.
/// </summary>
public static class ChromiumExecutable
{
    /// <summary>The executable: <c>SCIM_CHROMIUM</c> when set, else <c>/usr/bin/chromium</c>.</summary>
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("SCIM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>True when <see cref="Path"/> exists.</summary>
    public static bool IsInstalled => File.Exists(Path);

    /// <summary>
    /// True when <c>SCIM_BROWSER_REQUIRED=1</c> (CI): a missing Chromium fails the browser tests instead of skipping
    /// them, so a run that lost its browser does not pass without them.
    /// </summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable("SCIM_BROWSER_REQUIRED") == "1";

    /// <summary>What a test says, skipped or failed, when <see cref="Path"/> is missing.</summary>
    public static string MissingMessage =>
        $"Chromium is not installed at {Path}: install Debian's package (apt-get install chromium) "
        + "or set SCIM_CHROMIUM to a Chromium executable.";
}
