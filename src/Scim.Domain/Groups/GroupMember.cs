namespace Scim.Domain.Groups;

/// <summary>What a group member is (RFC 7643 §4.2 <c>members.type</c>).</summary>
public enum MemberType
{
    User = 0,
    Group = 1,
}

/// <summary>One (group, member) pair: the storage of <c>members</c>.</summary>
public sealed class GroupMember
{
    public Guid OrganizationId { get; init; }
    public Guid GroupId { get; init; }

    /// <summary>The member's SCIM id: a user's or a group's.</summary>
    public Guid MemberId { get; init; }

    public MemberType Type { get; init; }
}
