using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Scim.Application.Common.Persistence;
using Scim.Protocol;

namespace Scim.Application.Common.Resources;

/// <summary>
/// Issues and reads the cursors of cursor paging (RFC 9865 §2): a cursor is the position of the last resource of a
/// page (its sort key and id), bound to the organization, the resource type, the filter and the sort it was issued
/// for, and to the time it was issued, encrypted and authenticated with ASP.NET Core Data Protection (keys shared by
/// every instance through the database), so a client can neither read nor alter it. A cursor keeps working for
/// <see cref="PaginationOptions.CursorTimeout"/> seconds; a page read with it costs what the first page costs, as it
/// starts with an index seek to the position instead of skipping the resources before it.
/// </summary>
public sealed class ListCursors(IDataProtectionProvider protection, OrganizationContext organization, TimeProvider clock, PaginationOptions options)
{
    private const byte Version = 1;

    // Version, organization, binding hash, issue time; the position follows.
    private const int Header = 1 + 16 + 32 + 8;
    private readonly IDataProtector protector = protection.CreateProtector("Scim.ListCursor.v1");

    /// <summary>The cursor of the page after the one ending at <paramref name="position"/>.</summary>
    /// <param name="binding">What the cursor is for: resource type, filter and sort (see <see cref="Binding"/>).</param>
    /// <param name="position">The last resource of the page.</param>
    internal string Issue(string binding, CursorPosition position)
    {
        var key = position.Key switch
        {
            null => [],
            string text => Encoding.UTF8.GetBytes(text),
            DateTime time => Ticks(time),
            var other => throw new ArgumentException($"A sort key of type {other.GetType()} cannot be put in a cursor.", nameof(position)),
        };
        var bytes = new byte[16 + 1 + key.Length];
        position.Id.TryWriteBytes(bytes.AsSpan(0, 16));
        bytes[16] = position.Key switch { null => 0, string => 1, _ => 2 };
        key.CopyTo(bytes.AsSpan(17));
        return Seal(organization.OrganizationId, binding, bytes);
    }

    /// <summary>
    /// The position <paramref name="cursor"/> stands for; 400 <c>invalidCursor</c> when it is not one this server
    /// issued, was altered, or was issued for another organization, resource type, filter or sort, and 400
    /// <c>expiredCursor</c> when it is older than the cursor timeout.
    /// </summary>
    internal Result<CursorPosition> Read(string cursor, string binding)
    {
        var opened = Open(cursor, organization.OrganizationId, binding, expires: true,
            "The cursor was issued for another query: a cursor continues the list it came from, with the same filter, "
            + "sortBy and sortOrder, on the same endpoint. Start again with an empty cursor.");
        if (!opened.IsSuccess || opened.Value!.Length < 17)
        {
            return opened.IsSuccess ? Altered() : opened.Error;
        }

        var span = opened.Value.AsSpan();
        var key = span[17..];
        object? value = span[16] switch
        {
            1 => Encoding.UTF8.GetString(key),
            2 => new DateTime(BinaryPrimitives.ReadInt64LittleEndian(key), DateTimeKind.Utc),
            _ => null,
        };
        return new CursorPosition(value, new Guid(span[..16]));
    }

    /// <summary>
    /// A cursor for <paramref name="position"/> (opaque bytes of the caller's choosing), bound to
    /// <paramref name="organizationId"/>, to <paramref name="binding"/> (what it continues) and to the time it is issued,
    /// encrypted and authenticated: the one cursor format of the server, which every paged read issues through this.
    /// </summary>
    internal string Seal(Guid organizationId, string binding, ReadOnlySpan<byte> position)
    {
        var payload = new byte[Header + position.Length];
        var span = payload.AsSpan();
        span[0] = Version;
        organizationId.TryWriteBytes(span[1..17]);
        SHA256.HashData(Encoding.UTF8.GetBytes(binding), span[17..49]);
        BinaryPrimitives.WriteInt64LittleEndian(span[49..57], clock.GetUtcNow().UtcTicks);
        position.CopyTo(span[Header..]);
        return Base64Url.EncodeToString(protector.Protect(payload));
    }

    /// <summary>
    /// The position a cursor of <see cref="Seal"/> holds; 400 <c>invalidCursor</c> when it is not one this server issued or
    /// was altered, or (saying <paramref name="otherQuery"/>) when it was issued for another organization or binding; when
    /// <paramref name="expires"/>, 400 <c>expiredCursor</c> once it is older than the cursor timeout.
    /// </summary>
    internal Result<byte[]> Open(string cursor, Guid organizationId, string binding, bool expires, string otherQuery)
    {
        byte[] payload;
        try
        {
            payload = protector.Unprotect(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return Altered();
        }

        var span = payload.AsSpan();
        Span<byte> expected = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(binding), expected);
        if (span.Length < Header || span[0] != Version || new Guid(span[1..17]) != organizationId || !span[17..49].SequenceEqual(expected))
        {
            return ScimError.InvalidCursor(otherQuery);
        }

        var issued = new DateTime(BinaryPrimitives.ReadInt64LittleEndian(span[49..57]), DateTimeKind.Utc);
        if (expires && clock.GetUtcNow().UtcDateTime - issued > TimeSpan.FromSeconds(options.CursorTimeout))
        {
            return ScimError.ExpiredCursor(
                $"The cursor has expired: cursors are valid for {options.CursorTimeout} seconds (pagination.cursorTimeout in "
                + "/ServiceProviderConfig). Start again with an empty cursor.");
        }

        return span[Header..].ToArray();
    }

    private static ScimError Altered() => ScimError.InvalidCursor(
        "The cursor is not one this server issued, or it was altered. Use the nextCursor of the previous page as it was "
        + "returned, or start again with an empty cursor.");

    private static byte[] Ticks(DateTime time)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, time.Ticks);
        return bytes;
    }

    /// <summary>What a cursor is bound to: the resource type, the filter as sent, and the sort.</summary>
    internal static string Binding(string resourceType, ListQuery query, string sortName) =>
        $"{resourceType}\n{query.Filter}\n{sortName}\n{(query.Descending ? "descending" : "ascending")}";
}
