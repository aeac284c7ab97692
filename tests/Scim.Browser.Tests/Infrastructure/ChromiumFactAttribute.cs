namespace Scim.Browser.Tests.Infrastructure;

/// <summary>
/// A test that drives Chromium: skipped where <see cref="ChromiumExecutable"/> is missing, unless
/// <see cref="ChromiumExecutable.IsRequired"/>, where it runs and fails saying how to install it.
/// </summary>
/// <remarks>xunit 2 decides skips when it discovers the tests; it has no skip at run time.</remarks>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!ChromiumExecutable.IsInstalled && !ChromiumExecutable.IsRequired)
        {
            Skip = ChromiumExecutable.MissingMessage;
        }
    }
}
