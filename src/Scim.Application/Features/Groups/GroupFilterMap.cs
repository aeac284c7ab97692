using Scim.Domain.Groups;
using Scim.Filtering.Translation;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>The Group attributes a filter may name and the columns they compile to; anything else is 400 invalidFilter.</summary>
internal static class GroupFilterMap
{
    /// <summary>The sub-attributes of one <c>members</c> element, also used by PATCH filters such as <c>members[type eq "Group"]</c>.</summary>
    public static FilterAttributeMap<GroupMember> MemberMap { get; } = new FilterAttributeMap<GroupMember>()
        .Id("value", m => m.MemberId)
        .String("type", m => m.Type == MemberType.User ? "User" : "Group", caseExact: false);

    public static FilterAttributeMap<Group> Map { get; } = new FilterAttributeMap<Group>(ScimSchemaUris.Group)
        .Id("id", g => g.Id)
        .String("externalId", g => g.ExternalId, caseExact: true)
        .String("displayName", g => g.DisplayName, caseExact: false, normalized: g => g.DisplayNameNormalized)
        .DateTime("meta.created", g => g.CreatedUtc)
        .DateTime("meta.lastModified", g => g.LastModifiedUtc)
        .MultiValued("members", g => g.Members, MemberMap, lookup: new ElementLookup<Group, GroupMember>(g => g.Id, m => m.GroupId));
}
