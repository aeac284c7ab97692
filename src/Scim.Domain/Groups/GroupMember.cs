namespace Scim.Domain.Groups;

/// <summary>What a group member is (RFC 7643 §4.2 <c>members.type</c>).</summary>
public enum MemberType
{
    /// <summary>The member is a User; on the wire <c>"User"</c>.</summary>
    User = 0,
    /// <summary>The member is a nested Group; on the wire <c>"Group"</c>.</summary>
    Group = 1,
}

/// <summary>One (group, member) pair: the storage of <c>members</c>.</summary>
public sealed class GroupMember
{
    /// <summary>The owning organization (the group's).</summary>
    public Guid OrganizationId { get; init; }
    /// <summary>The <see cref="Group.Id"/> of the group this row belongs to.</summary>
    public Guid GroupId { get; init; }

    /// <summary>The member's SCIM id: a user's or a group's.</summary>
    public Guid MemberId { get; init; }

    /// <summary>Whether <see cref="MemberId"/> is a user or a group (<c>members.type</c>, RFC 7643 §4.2).</summary>
    public MemberType Type { get; init; }
}
