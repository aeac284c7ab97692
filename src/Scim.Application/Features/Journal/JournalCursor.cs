using System.Buffers.Binary;
using Scim.Application.Common.Resources;
using Scim.Protocol;

namespace Scim.Application.Features.Journal;

/// <summary>
/// The cursors of the journal's paged reads, sealed as list cursors are (<see cref="ListCursors"/>: encrypted,
/// authenticated, bound to the organization and to what they continue): a position of up to two numbers (a sequence
/// number, a time's ticks). They do not expire: a position in the journal stays one.
/// </summary>
internal static class JournalCursor
{
    /// <summary>A cursor at <paramref name="position"/>.</summary>
    public static string Issue(this ListCursors cursors, Guid organizationId, string binding, params ReadOnlySpan<long> position)
    {
        Span<byte> bytes = stackalloc byte[position.Length * 8];
        for (var i = 0; i < position.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes[(i * 8)..], position[i]);
        }

        return cursors.Seal(organizationId, binding, bytes);
    }

    /// <summary>The <paramref name="length"/> numbers of a cursor of <see cref="Issue"/>; 400 <c>invalidCursor</c> for any other.</summary>
    public static Result<long[]> Read(this ListCursors cursors, string cursor, Guid organizationId, string binding, int length) =>
        cursors.Read(cursor, organizationId, binding, count => count == length);

    /// <summary>
    /// The numbers of a cursor of <see cref="Issue"/> whose count <paramref name="accepts"/> (a position of variable
    /// length); 400 <c>invalidCursor</c> for any other.
    /// </summary>
    public static Result<long[]> Read(this ListCursors cursors, string cursor, Guid organizationId, string binding, Func<int, bool> accepts)
    {
        var opened = cursors.Open(cursor, organizationId, binding, expires: false,
            "The cursor was issued for another read: a cursor continues the feed or list it came from, of the same organization "
            + "with the same filters. Start again without a cursor.");
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        var length = opened.Value!.Length / 8;
        if (opened.Value.Length % 8 != 0 || !accepts(length))
        {
            return ScimError.InvalidCursor("The cursor is not one this server issued for this read; start again without a cursor.");
        }

        return Enumerable.Range(0, length).Select(i => BinaryPrimitives.ReadInt64LittleEndian(opened.Value.AsSpan(i * 8))).ToArray();
    }
}
