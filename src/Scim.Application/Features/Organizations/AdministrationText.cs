using System.Globalization;
using System.Text;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// What an organization's name or an API key's label may hold: both are printed as they are by <c>orgs list</c> and
/// <c>keys list</c>, in listings of the administration API and in journal rows, so a character that moves the cursor,
/// changes the terminal's state, reorders or hides text (a control, format, line or paragraph separator character:
/// ESC, U+202E, U+200B, a newline, ...) or is not text at all (a lone surrogate) is refused rather than stored.
/// </summary>
public static class AdministrationText
{
    /// <summary>
    /// Null when every character of <paramref name="text"/> may be stored; otherwise 400 <c>invalidValue</c> naming the first
    /// that may not, by code point: "An organization's name may not contain U+001B (a control character)."
    /// </summary>
    /// <param name="text">The name or label as sent, before trimming (a trailing newline is refused too).</param>
    /// <param name="what">What it is, at the start of the sentence: <c>An organization's name</c>.</param>
    public static ScimError? Check(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return Refuse(what, text[i], "a lone surrogate, which is half of a character");
            }

            var kind = Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.Control => "a control character",
                UnicodeCategory.Format => "an invisible formatting character",
                UnicodeCategory.LineSeparator => "a line separator",
                UnicodeCategory.ParagraphSeparator => "a paragraph separator",
                _ => null,
            };
            if (kind is not null)
            {
                return Refuse(what, rune.Value, kind);
            }

            i += consumed;
        }

        return null;
    }

    /// <summary>
    /// 400 <c>invalidValue</c> for a text longer than <paramref name="maxLength"/> UTF-16 code units (how .NET and JavaScript
    /// count a string's length: most characters count one, an emoji two or more).
    /// </summary>
    public static ScimError TooLong(string what, int maxLength, int length) => ScimError.InvalidValue(
        $"{what} has at most {maxLength} UTF-16 code units (most characters count one, an emoji two or more); this one has {length}.");

    private static ScimError Refuse(string what, int codePoint, string kind) => ScimError.InvalidValue(
        $"{what} may not contain U+{codePoint:X4} ({kind}): names and labels are printed as they are in listings and terminals.");
}
