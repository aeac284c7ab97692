using System.Text;

namespace Scim.Application.Common;

/// <summary>
/// The one way a client-supplied string (an attribute name, a filter, a userName, an id from the URL, a header value, an
/// error detail) reaches a log line: control characters (and the Unicode line and paragraph separators) written as
/// <c>\uXXXX</c>, so none can start a forged line, and the text cut at <see cref="MaxLength"/> characters with
/// <c>…</c>, so no request can fill the log.
/// </summary>
public static class LogText
{
    /// <summary>Characters of one value kept in a log line; longer values end in <c>…</c>.</summary>
    public const int MaxLength = 200;

    /// <summary>Values of a list kept in a log line; the rest are only counted.</summary>
    public const int MaxItems = 20;

    /// <summary>
    /// <paramref name="text"/> escaped and cut to at most <paramref name="maxLength"/> characters of the original (then
    /// <c>…</c>); an empty string for null. The text itself, unallocated, when it is short and clean.
    /// </summary>
    public static string Of(string? text, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var cut = text.Length > maxLength;
        var kept = text.AsSpan(0, cut ? maxLength : text.Length);
        if (cut && kept.Length > 0 && char.IsHighSurrogate(kept[^1]))
        {
            // Never half a surrogate pair: the log encoder would turn it into a replacement character.
            kept = kept[..^1];
        }

        if (!cut && !NeedsEscape(kept))
        {
            return text;
        }

        return Escape(kept, cut);
    }

    /// <summary>
    /// The first <see cref="MaxItems"/> of <paramref name="items"/>, each as <see cref="Of"/> gives it, joined with
    /// <c>, </c>; when there are more, followed by <c>… (N more)</c>. So a body naming a million unknown attributes still
    /// makes a line of a few kilobytes.
    /// </summary>
    public static string List(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var builder = new StringBuilder();
        for (var i = 0; i < items.Count && i < MaxItems; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(Of(items[i]));
        }

        if (items.Count > MaxItems)
        {
            builder.Append(", … (").Append(items.Count - MaxItems).Append(" more)");
        }

        return builder.ToString();
    }

    /// <summary><paramref name="text"/> with each control character written as <c>\uXXXX</c>, whatever its length (for stored details that are cut elsewhere).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NeedsEscape(text) ? Escape(text, cut: false) : text;
    }

    private static bool NeedsEscape(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u0000', '\u001F') >= 0
        || text.IndexOfAnyInRange('\u007F', '\u009F') >= 0
        || text.IndexOfAnyInRange('\u2028', '\u2029') >= 0;

    private static string Escape(ReadOnlySpan<char> text, bool cut)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (cut)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }
}
