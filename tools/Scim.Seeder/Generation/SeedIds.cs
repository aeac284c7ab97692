using System.Buffers.Binary;

namespace Scim.Seeder.Generation;

/// <summary>
/// Deterministic SCIM ids: a version-7 GUID (RFC 9562 §5.7) whose time is the record's creation time and whose random
/// bits are derived from the seed, the organization and the record's index, so re-runs produce the same ids, two
/// organizations seeded with the same seed never share one, and ids ascend in creation order as the server's own do.
/// </summary>
internal sealed class SeedIds(long seed, Guid organizationId)
{
    private const ulong UserKind = 0x5553455255534552UL;
    private const ulong GroupKind = 0x47524F5550475250UL;
    private const ulong ObjectIdKind = 0x4F424A4543544944UL;

    private readonly ulong scope = ScopeOf(seed, organizationId);

    public Guid User(int index) => Make(UserKind, index, DirectoryGenerator.UserCreatedUtc(index));

    public Guid Group(int index) => Make(GroupKind, index, DirectoryGenerator.GroupCreatedUtc(index));

    /// <summary>An Entra-style objectId for a group's externalId (stable for the seed, independent of the organization).</summary>
    public static Guid ObjectId(long seed, int index)
    {
        var hi = Mix.Hash((ulong)seed, ObjectIdKind, (ulong)index);
        return FromBits(hi, Mix.Hash(hi));
    }

    private Guid Make(ulong kind, int index, DateTime createdUtc)
    {
        var hi = Mix.Hash(scope, kind, (ulong)index);
        var lo = Mix.Hash(hi ^ kind);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, ((ulong)new DateTimeOffset(createdUtc).ToUnixTimeMilliseconds() << 16) | (hi & 0xFFFF));
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], lo);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70); // version 7
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    private static ulong ScopeOf(long seed, Guid organizationId)
    {
        Span<byte> bytes = stackalloc byte[16];
        organizationId.TryWriteBytes(bytes);
        return Mix.Hash((ulong)seed, BitConverter.ToUInt64(bytes), BitConverter.ToUInt64(bytes[8..]));
    }

    private static Guid FromBits(ulong hi, ulong lo)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, hi);
        BitConverter.TryWriteBytes(bytes[8..], lo);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
