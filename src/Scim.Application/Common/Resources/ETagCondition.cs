using System.Globalization;
using Scim.Protocol;

namespace Scim.Application.Common.Resources;

/// <summary>
/// What a conditional request names (RFC 7644 §3.14; RFC 9110 §13.1.1 <c>If-Match</c>, §13.1.2 <c>If-None-Match</c>),
/// or a bulk operation's <c>version</c> (RFC 7644 §3.7): <c>*</c>, any current version, or a list of entity tags such as
/// <c>W/"7", W/"8"</c>, which matches when one of them is the resource's <see cref="ETag"/>.
/// </summary>
/// <remarks>
/// Tags compare weakly, <c>W/"7"</c> and <c>"7"</c> alike. RFC 9110 asks for the strong comparison in <c>If-Match</c>,
/// but SCIM clients send back the (weak) <c>meta.version</c> they were given (RFC 7644 §3.14), so it is accepted there too.
/// A well-formed tag this server never issued (<c>"xyzzy"</c>) matches no version.
/// </remarks>
public sealed class ETagCondition
{
    private readonly long[] versions;

    private ETagCondition(bool isAny, long[] versions)
    {
        IsAny = isAny;
        this.versions = versions;
    }

    /// <summary><c>*</c>: any current version of an existing resource.</summary>
    public static ETagCondition Any { get; } = new(true, []);

    /// <summary>True for <c>*</c>.</summary>
    public bool IsAny { get; }

    /// <summary>The versions the tags name (tags this server never issued left out); empty for <c>*</c>.</summary>
    public IReadOnlyList<long> Versions => versions;

    /// <summary>The condition naming one version, e.g. the <c>meta.version</c> a client read.</summary>
    /// <param name="version">The stored version.</param>
    /// <returns>The condition.</returns>
    public static ETagCondition Of(long version) => new(false, [version]);

    /// <summary>Whether a resource at <paramref name="version"/> meets the condition.</summary>
    /// <param name="version">The resource's stored version.</param>
    /// <returns>True for <c>*</c> or when one of the tags is the version's.</returns>
    public bool Matches(long version) => IsAny || Array.IndexOf(versions, version) >= 0;

    /// <summary>
    /// Reads a header value: <c>*</c>, or a comma-separated list of entity tags (<c>"7"</c>, <c>W/"7"</c>), each a quoted
    /// string of visible characters without <c>"</c>; several header fields are read joined by commas.
    /// </summary>
    /// <param name="value">The field value; null or blank when the request has none.</param>
    /// <param name="name">The field's name for the error, e.g. <c>If-Match</c>.</param>
    /// <returns>The condition, null when there is none, or 400 invalidSyntax for a value that is neither.</returns>
    public static Result<ETagCondition?> Parse(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (ETagCondition?)null;
        }

        if (value.Trim() == "*")
        {
            return Any;
        }

        // Parsed here rather than by ASP.NET Core's EntityTagHeaderValue, which also takes `W/ "7"` and whitespace inside
        // the quotes (not etagc, RFC 9110 §8.8.3): those stay 400.
        var named = new List<long>();
        var tags = 0;
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            // A list element may be empty (RFC 9110 §5.6.1): ", ," is skipped like whitespace.
            rest = rest.TrimStart(" \t,");
            if (rest.IsEmpty)
            {
                break;
            }

            // "w/" is read as "W/", as .NET's own header parser reads it.
            var tag = rest.StartsWith("W/", StringComparison.OrdinalIgnoreCase) ? rest[2..] : rest;
            var end = tag.Length > 1 && tag[0] == '"' ? tag[1..].IndexOf('"') : -1;
            if (end < 0 || !IsOpaque(tag[1..(end + 1)]))
            {
                return Malformed(value, name);
            }

            if (long.TryParse(tag[1..(end + 1)], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                named.Add(version);
            }

            tags++;
            rest = tag[(end + 2)..].TrimStart(" \t");
            if (!rest.IsEmpty && rest[0] != ',')
            {
                return Malformed(value, name);
            }
        }

        return tags == 0 ? Malformed(value, name) : new ETagCondition(false, [.. named]);
    }

    // etagc (RFC 9110 §8.8.3): visible ASCII but '"', or obs-text.
    private static bool IsOpaque(ReadOnlySpan<char> tag)
    {
        foreach (var c in tag)
        {
            if (c is <= ' ' or '"' or '\u007f')
            {
                return false;
            }
        }

        return true;
    }

    private static ScimError Malformed(string value, string name) => ScimError.InvalidSyntax(
        $"{name} '{value}' is not '*' or a comma-separated list of entity tags such as W/\"7\" (RFC 9110 §13.1.1); "
        + "send the meta.version (or ETag header) of the resource as it was read.");
}
