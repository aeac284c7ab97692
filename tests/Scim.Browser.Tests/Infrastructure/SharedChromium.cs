namespace Scim.Browser.Tests.Infrastructure;

/// <summary>
/// The test classes that share one <see cref="ChromiumFixture"/>: Chromium starts once for all of them, and their tests
/// run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedChromium : ICollectionFixture<ChromiumFixture>
{
    /// <summary>The collection's name, for <c>[Collection]</c>.</summary>
    public const string Name = "Chromium";
}
