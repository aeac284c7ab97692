using System.Globalization;
using System.Text;

namespace Scim.Filtering.Lexing;

/// <summary>Writes JSON string literals (RFC 8259 §7), the form of string <c>compValue</c>s in filters.</summary>
internal static class JsonString
{
    /// <summary>Quotes and escapes <paramref name="value"/>; non-ASCII characters are kept as they are.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\b' => builder.Append("\\b"),
                '\f' => builder.Append("\\f"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                < ' ' => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
