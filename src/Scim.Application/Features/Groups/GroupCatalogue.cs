using Scim.Application.Common.Catalogue;
using Scim.Domain.Groups;
using Scim.Filtering.Translation;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>
/// Where every attribute of the Group resource type (RFC 7643 §4.2 and the common attributes of §3.1) is kept: the
/// columns of <see cref="Group"/>, the membership rows of <see cref="GroupMember"/> (written by the member statements of
/// the write pipeline, not from a representation), or nothing when the server derives the value.
/// </summary>
internal static class GroupCatalogue
{
    /// <summary>The catalogue.</summary>
    public static AttributeCatalogue<Group> Catalogue { get; } = new AttributeCatalogue<Group>(ResourceTypeDefinition.Group)
        .Id("id", g => g.Id)
        .Text("externalId", g => g.ExternalId, indexed: true, sortable: true)
        .Text("displayName", g => g.DisplayName, normalized: g => g.DisplayNameNormalized, indexed: true, sortable: true)
        .Rows(
            "members",
            g => g.Members,
            m => m
                .Id("value", m => m.MemberId)
                .Derived("$ref", "the member's URL on this server, from value and type")
                .Derived("display", "the member's current displayName (a user's userName when it has none), read with the group")
                .Text("type", m => m.Type == MemberType.User ? "User" : "Group"),
            storage: null,
            lookup: new ElementLookup<Group, GroupMember>(g => g.Id, m => m.GroupId))
        .DateTime("meta.created", g => g.CreatedUtc, sortable: true)
        .DateTime("meta.lastModified", g => g.LastModifiedUtc, sortable: true)
        .Text("meta.resourceType", g => "Group")
        .Derived("meta.location", "the group's URL on this server")
        .Text("meta.version", g => "W/\"" + g.Version + "\"")
        .Validated();

    /// <summary>The sub-attributes of one <c>members</c> element, also used by PATCH filters such as <c>members[type eq "Group"]</c>.</summary>
    public static FilterAttributeMap<GroupMember> MemberMap => Catalogue.ElementFilterMap<GroupMember>("members");
}
