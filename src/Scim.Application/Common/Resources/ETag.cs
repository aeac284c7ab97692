using System.Buffers.Text;
using System.Globalization;

namespace Scim.Application.Common.Resources;

/// <summary>
/// The entity tag of a user or group (RFC 7644 §3.14): <c>meta.version</c> and the <c>ETag</c> response header, both the
/// weak tag of the resource's stored version, e.g. <c>W/"7"</c>. The version starts at 1 and grows by at least one with
/// every committed change of the resource's own attributes (a group's members included), so a tag is never reused.
/// </summary>
/// <remarks>
/// Weak because one version stands for every representation of the resource (any <c>attributes</c> projection) and
/// because parts of a representation come from other resources (see <see cref="ScimBody.IsCoveredByVersion"/>).
/// </remarks>
public static class ETag
{
    /// <summary>The longest tag in UTF-8 bytes: <c>W/"</c>, the 19 digits of <see cref="long.MaxValue"/> and <c>"</c>.</summary>
    public const int MaxLength = 23;

    /// <summary>The tag of <paramref name="version"/>, e.g. <c>W/"7"</c>.</summary>
    /// <param name="version">The stored version, at least 1.</param>
    /// <returns>The weak entity tag.</returns>
    public static string Of(long version) => string.Create(CultureInfo.InvariantCulture, $"W/\"{version}\"");

    /// <summary>Writes the tag of <paramref name="version"/> as UTF-8, without allocating.</summary>
    /// <param name="version">The stored version, at least 1.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    /// <returns>How many bytes were written.</returns>
    public static int Format(long version, Span<byte> destination)
    {
        "W/\""u8.CopyTo(destination);
        Utf8Formatter.TryFormat(version, destination[3..], out var digits);
        destination[3 + digits] = (byte)'"';
        return digits + 4;
    }
}
