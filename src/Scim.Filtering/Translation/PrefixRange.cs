using System.Text;

namespace Scim.Filtering.Translation;

/// <summary>
/// The upper bound of the strings that start with a prefix, in code point order (which is UTF-8 byte order: SQLite's
/// BINARY collation and PostgreSQL's C collate), so that <c>sw</c> can be written as a range an index serves.
/// </summary>
internal static class PrefixRange
{
    /// <summary>
    /// The least string greater than every string that starts with <paramref name="prefix"/>: the prefix with its last
    /// code point incremented, after dropping trailing U+10FFFF (which has no successor); null when nothing is left,
    /// i.e. for the empty prefix, where every string qualifies. Unpaired surrogates count as U+FFFD, as UTF-8 stores them.
    /// </summary>
    public static string? Next(string prefix)
    {
        const int LastCodePoint = 0x10FFFF;
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last < LastCodePoint)
            {
                // Surrogate code points are not characters: after U+D7FF comes U+E000.
                runes.Add(new Rune(last == 0xD7FF ? 0xE000 : last + 1));
                return string.Concat(runes);
            }
        }

        return null;
    }
}
