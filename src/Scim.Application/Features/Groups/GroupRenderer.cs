using System.Linq.Expressions;
using System.Text.Json;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Users;
using Scim.Domain.Groups;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>What a read takes from the database for one group (members are read while they are written).</summary>
/// <param name="Id">The SCIM id.</param>
/// <param name="ExternalId"><c>externalId</c>, or null.</param>
/// <param name="DisplayName"><c>displayName</c>.</param>
/// <param name="CreatedUtc"><c>meta.created</c>, UTC.</param>
/// <param name="LastModifiedUtc"><c>meta.lastModified</c>, UTC.</param>
/// <param name="Version">The version the row was read at, which a conditional write compares.</param>
internal sealed record GroupRow(Guid Id, string? ExternalId, string DisplayName, DateTime CreatedUtc, DateTime LastModifiedUtc, long Version)
{
    /// <summary>The one projection of a group to its row.</summary>
    public static Expression<Func<Group, GroupRow>> Projection { get; } =
        g => new GroupRow(g.Id, g.ExternalId, g.DisplayName, g.CreatedUtc, g.LastModifiedUtc, g.Version);
}

/// <summary>A member of a group: <c>members</c> (RFC 7643 §4.2) <c>value</c> and <c>display</c>.</summary>
/// <param name="Id">The member's id.</param>
/// <param name="Display">The user's displayName (its userName when it has none), or the nested group's displayName.</param>
internal sealed record MemberRow(Guid Id, string Display);

/// <summary>
/// The one rendering of a group (RFC 7643 §4.2): <c>schemas</c>, <c>id</c>, <c>externalId</c>, <c>displayName</c>,
/// <c>members</c> (users, then nested groups, each <c>{value, $ref, display, type}</c>, <c>$ref</c> being the member's
/// URL on this server, as its <c>meta.location</c>) and <c>meta</c>, as the projection
/// keeps them. Members are read from the database while they are written and sent on as they go, so a group of a
/// million members takes no more memory than a group of ten; none are read when the projection leaves them out.
/// </summary>
internal sealed class GroupRenderer : IResourceRenderer<GroupRow>
{
    /// <summary>The endpoint of groups below the SCIM base URL.</summary>
    public const string Endpoint = "/Groups";

    private static readonly JsonEncodedText SchemasName = JsonEncodedText.Encode("schemas");
    private static readonly JsonEncodedText GroupSchema = JsonEncodedText.Encode(ScimSchemaUris.Group);
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText ExternalIdName = JsonEncodedText.Encode("externalId");
    private static readonly JsonEncodedText DisplayNameName = JsonEncodedText.Encode("displayName");
    private static readonly JsonEncodedText MembersName = JsonEncodedText.Encode("members");
    private static readonly JsonEncodedText UserType = JsonEncodedText.Encode("User");
    private static readonly JsonEncodedText GroupType = JsonEncodedText.Encode("Group");

    private readonly IScimDbContext? db;
    private readonly MetaRenderer meta;
    private readonly bool writesSchemas;
    private readonly bool writesId;
    private readonly bool writesExternalId;
    private readonly bool writesDisplayName;
    private readonly ProjectionScope? members;
    private readonly ReferenceWriter memberReferences;

    /// <param name="projection">The attributes / excludedAttributes parameters.</param>
    /// <param name="db">Where members are read from; null writes no <c>members</c>, as the PATCH engine wants a group.</param>
    public GroupRenderer(AttributeProjection projection, IScimDbContext? db)
    {
        var scope = projection.Scope;
        this.db = db;
        meta = new MetaRenderer(scope, "Group", Endpoint);
        writesSchemas = scope.Member("schemas") is not null;
        writesId = scope.Member("id") is not null;
        writesExternalId = scope.Member("externalId") is not null;
        writesDisplayName = scope.Member("displayName") is not null;
        members = db is null ? null : scope.Member("members");
        memberReferences = new ReferenceWriter(members);
    }

    public string PathOf(GroupRow row) => ResourceLocation.PathOf(Endpoint, row.Id);

    public long? VersionOf(GroupRow row) => row.Version;

    // Every change of the member list changes the group's version, but a member's display is its own displayName.
    public bool IsCoveredByVersion(GroupRow row) => members?.Member("display") is null;

    public async ValueTask WriteAsync(GroupRow row, ScimJsonOutput output, CancellationToken cancellationToken)
    {
        var json = output.Json;
        json.WriteStartObject();
        if (writesSchemas)
        {
            json.WriteStartArray(SchemasName);
            json.WriteStringValue(GroupSchema);
            json.WriteEndArray();
        }

        if (writesId)
        {
            json.WriteString(IdName, row.Id);
        }

        if (writesExternalId && row.ExternalId is not null)
        {
            json.WriteString(ExternalIdName, row.ExternalId);
        }

        if (writesDisplayName)
        {
            json.WriteString(DisplayNameName, row.DisplayName);
        }

        await WriteMembersAsync(row.Id, output, cancellationToken);
        meta.Write(json, output.BaseUrl, row.Id, row.CreatedUtc, row.LastModifiedUtc, row.Version);
        json.WriteEndObject();
    }

    private async Task WriteMembersAsync(Guid groupId, ScimJsonOutput output, CancellationToken cancellationToken)
    {
        if (members is null)
        {
            return;
        }

        // Every member has a value, a display and a type: when the projection keeps none of them, every element is
        // empty and so is the array, which is then omitted like any unassigned attribute.
        var json = output.Json;
        var started = false;
        if (memberReferences.WritesAny)
        {
            foreach (var (type, endpoint, rows) in new[]
            {
                (UserType, UserRenderer.Endpoint, GroupResources.UserMembersAsync(db!, groupId)),
                (GroupType, Endpoint, GroupResources.GroupMembersAsync(db!, groupId)),
            })
            {
                await foreach (var member in rows.WithCancellation(cancellationToken))
                {
                    if (!started)
                    {
                        json.WriteStartArray(MembersName);
                        started = true;
                    }

                    memberReferences.Write(json, output.BaseUrl, endpoint, member.Id, member.Display, type);
                    await output.SendAsync(cancellationToken);
                }
            }
        }

        if (started)
        {
            json.WriteEndArray();
        }
        else if (members.KeepsEverything)
        {
            // Asked for whole (the default), a group without members says so: "members":[].
            json.WriteStartArray(MembersName);
            json.WriteEndArray();
        }
    }
}
