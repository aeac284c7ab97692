using Scim.Filtering.Translation;

namespace Scim.Filtering.Tests.Translation;

/// <summary>The upper bound of <c>sw</c>'s range, in code point order.</summary>
public sealed class PrefixRangeTests
{
    [Theory]
    [InlineData("abc", "abd")]
    [InlineData("a%", "a&")]
    [InlineData("jos\u00e9", "jos\u00ea")]
    [InlineData("a\ud7ff", "a\ue000")]
    [InlineData("a\uffff", "a\U00010000")]
    [InlineData("a\U0001F600", "a\U0001F601")]
    [InlineData("ab\U0010FFFF", "ac")]
    [InlineData("a\U0010FFFF\U0010FFFF", "b")]
    public void Next_Prefix_IsLeastStringAfterItsExtensions(string prefix, string next)
    {
        Assert.Equal(next, PrefixRange.Next(prefix));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\U0010FFFF")]
    public void Next_NoStringAfterItsExtensions_IsNull(string prefix)
    {
        Assert.Null(PrefixRange.Next(prefix));
    }

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("abc", "abc\U0010FFFF\U0010FFFF")]
    [InlineData("a\ud7ff", "a\ud7ff\ud7ff")]
    [InlineData("a\uffff", "a\uffff\U0010FFFF")]
    public void Next_StringsWithPrefix_SortBelowIt(string prefix, string extended)
    {
        Assert.True(string.CompareOrdinal(Utf32(extended), Utf32(PrefixRange.Next(prefix)!)) < 0);
    }

    // Code point order, which UTF-16's ordinal order is not above U+FFFF.
    private static string Utf32(string text) =>
        string.Concat(text.EnumerateRunes().Select(r => r.Value.ToString("X6", System.Globalization.CultureInfo.InvariantCulture)));
}
