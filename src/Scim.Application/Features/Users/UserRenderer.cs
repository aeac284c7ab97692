using System.Text;
using System.Text.Json;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Groups;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>A group a user is a direct member of: an element of the user's <c>groups</c> (RFC 7643 §4.1.2).</summary>
/// <param name="Id">The group's id (<c>groups.value</c>).</param>
/// <param name="DisplayName">The group's displayName (<c>groups.display</c>).</param>
internal sealed record UserGroup(Guid Id, string DisplayName);

/// <summary>
/// The one rendering of a user (RFC 7643 §4.1, with the enterprise extension of §4.3): every GET, list, search and
/// write answer writes users through it. It copies the stored document (<see cref="UserRow.Document"/>) and adds what
/// is assigned or derived at read time, applying <c>attributes</c> / <c>excludedAttributes</c> as it writes:
/// </summary>
/// <remarks>
/// Members, in order: <c>schemas</c> (the core URN, plus the enterprise URN when the document has the extension or
/// the user has a manager), <c>id</c>, the document's members as stored, with <c>manager</c> (<c>value</c>, <c>$ref</c>
/// and the manager's current <c>displayName</c>) added at the end of the enterprise extension object (which is created
/// for it when the document has none), <c>groups</c> (<c>value</c>, <c>$ref</c>, <c>display</c>, <c>type</c>; only when
/// read: see <see cref="UserResources"/>), and <c>meta</c> (<c>resourceType</c>, <c>created</c>, <c>lastModified</c>,
/// <c>location</c>, <c>version</c>). Every <c>$ref</c> is the referenced resource's URL on this server, as its <c>meta.location</c>.
/// </remarks>
internal sealed class UserRenderer : IResourceRenderer<UserRow>
{
    /// <summary>The endpoint of users below the SCIM base URL.</summary>
    public const string Endpoint = "/Users";

    private static readonly JsonEncodedText SchemasName = JsonEncodedText.Encode("schemas");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText EnterpriseName = JsonEncodedText.Encode(ScimSchemaUris.EnterpriseUser);
    private static readonly byte[] EnterpriseUtf8 = Encoding.UTF8.GetBytes(ScimSchemaUris.EnterpriseUser);
    private static readonly JsonEncodedText ManagerName = JsonEncodedText.Encode("manager");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText DisplayNameName = JsonEncodedText.Encode("displayName");
    private static readonly JsonEncodedText GroupsName = JsonEncodedText.Encode("groups");
    private static readonly JsonEncodedText Direct = JsonEncodedText.Encode("direct");

    // Every document member takes two ranges (name, value); a document has about twenty members at most.
    private const int StackMembers = 32;

    private readonly ProjectionScope scope;
    private readonly IReadOnlyDictionary<Guid, List<UserGroup>>? groups;
    private readonly MetaRenderer meta;

    // What the projection keeps of the members the renderer writes itself: the same for every user of a response.
    private readonly bool writesSchemas;
    private readonly bool writesId;
    private readonly ProjectionScope? enterprise;
    private readonly ProjectionScope? manager;
    private readonly bool writesManagerValue;
    private readonly bool writesManagerRef;
    private readonly bool writesManagerDisplayName;
    private readonly ReferenceWriter groupReferences;

    /// <param name="projection">The attributes / excludedAttributes parameters.</param>
    /// <param name="groups">
    /// The groups of each user, ordered as they are written, when the projection includes <c>groups</c>; null writes no
    /// <c>groups</c> (a user without groups has none either way: an empty multi-valued attribute is unassigned).
    /// </param>
    public UserRenderer(AttributeProjection projection, IReadOnlyDictionary<Guid, List<UserGroup>>? groups)
    {
        scope = projection.Scope;
        meta = new MetaRenderer(scope, "User", Endpoint);
        writesSchemas = scope.Member("schemas") is not null;
        writesId = scope.Member("id") is not null;
        enterprise = scope.Member(ScimSchemaUris.EnterpriseUser);
        manager = enterprise?.Member("manager");
        writesManagerValue = manager?.Member("value") is not null;
        writesManagerRef = manager?.Member(ResourceLocation.RefName) is not null;
        writesManagerDisplayName = manager?.Member("displayName") is not null;
        var group = scope.Member("groups");
        groupReferences = new ReferenceWriter(group);
        this.groups = group is null ? null : groups;
    }

    public string PathOf(UserRow row) => ResourceLocation.PathOf(Endpoint, row.Id);

    public long? VersionOf(UserRow row) => row.Version;

    // The version covers the user's own row, its manager's id included; groups and the manager's displayName are read
    // from other rows, whose changes leave it as it is.
    public bool IsCoveredByVersion(UserRow row) => !groupReferences.WritesAny && (row.ManagerId is null || !writesManagerDisplayName);

    public ValueTask WriteAsync(UserRow row, ScimJsonOutput output, CancellationToken cancellationToken)
    {
        Write(row, output.Json, output.BaseUrl);
        return ValueTask.CompletedTask;
    }

    private void Write(UserRow user, Utf8JsonWriter json, string baseUrl)
    {
        ReadOnlySpan<byte> document = user.Document;
        var members = Members(document, stackalloc Range[2 * StackMembers]);
        var extension = default(ReadOnlySpan<byte>);
        for (var i = 0; i < members.Length; i += 2)
        {
            if (document[members[i]].SequenceEqual(EnterpriseUtf8))
            {
                extension = document[members[i + 1]];
            }
        }

        json.WriteStartObject();
        if (writesSchemas)
        {
            json.WriteStartArray(SchemasName);
            json.WriteStringValue(ScimSchemaUris.User);
            if (!extension.IsEmpty || user.ManagerId is not null)
            {
                json.WriteStringValue(EnterpriseName);
            }

            json.WriteEndArray();
        }

        if (writesId)
        {
            json.WriteString(IdName, user.Id);
        }

        for (var i = 0; i < members.Length; i += 2)
        {
            var name = document[members[i]];
            if (name.SequenceEqual(EnterpriseUtf8))
            {
                WriteEnterprise(json, extension, user, baseUrl);
            }
            else
            {
                ProjectedJson.WriteMember(name, document[members[i + 1]], scope.Member(name), json);
            }
        }

        if (extension.IsEmpty && user.ManagerId is not null)
        {
            WriteEnterprise(json, extension, user, baseUrl);
        }

        WriteGroups(json, baseUrl, user.Id);
        meta.Write(json, baseUrl, user.Id, user.CreatedUtc, user.LastModifiedUtc, user.Version);
        json.WriteEndObject();
    }

    // The name and value ranges of the document's top-level members, in order.
    private static ReadOnlySpan<Range> Members(ReadOnlySpan<byte> document, Span<Range> buffer)
    {
        var reader = new Utf8JsonReader(document);
        reader.Read();
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                // Documents are written by UserDocument.Render, whose member names are plain ASCII.
                throw new JsonException("A stored user document has an escaped member name.");
            }

            if (count == buffer.Length)
            {
                var larger = new Range[2 * buffer.Length];
                buffer.CopyTo(larger);
                buffer = larger;
            }

            var nameStart = (int)reader.TokenStartIndex + 1;
            buffer[count++] = new Range(nameStart, nameStart + reader.ValueSpan.Length);
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            reader.Skip();
            buffer[count++] = new Range(valueStart, (int)reader.BytesConsumed);
        }

        return buffer[..count];
    }

    // The document's enterprise extension object (empty when it has none) with the manager added at its end.
    private void WriteEnterprise(Utf8JsonWriter json, ReadOnlySpan<byte> extension, UserRow user, string baseUrl)
    {
        if (enterprise is null)
        {
            return;
        }

        var writesValue = user.ManagerId is not null && writesManagerValue;
        var writesRef = user.ManagerId is not null && writesManagerRef;
        var writesDisplayName = user.ManagerDisplayName is not null && writesManagerDisplayName;
        var writesDocument = !extension.IsEmpty && ProjectedJson.Keeps(extension, enterprise);
        if (!writesDocument && !writesValue && !writesRef && !writesDisplayName)
        {
            return;
        }

        json.WritePropertyName(EnterpriseName);
        json.WriteStartObject();
        if (writesDocument)
        {
            ProjectedJson.WriteMembers(extension, enterprise, json);
        }

        if (writesValue || writesRef || writesDisplayName)
        {
            json.WriteStartObject(ManagerName);
            if (writesValue)
            {
                json.WriteString(ValueName, user.ManagerId!.Value);
            }

            if (writesRef)
            {
                ResourceLocation.Write(json, ResourceLocation.Ref, baseUrl, Endpoint, user.ManagerId!.Value);
            }

            if (writesDisplayName)
            {
                json.WriteString(DisplayNameName, user.ManagerDisplayName);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private void WriteGroups(Utf8JsonWriter json, string baseUrl, Guid userId)
    {
        if (groups is null || !groups.TryGetValue(userId, out var memberOf) || memberOf.Count == 0
            || !groupReferences.WritesAny)
        {
            return;
        }

        json.WriteStartArray(GroupsName);
        foreach (var group in memberOf)
        {
            groupReferences.Write(json, baseUrl, GroupRenderer.Endpoint, group.Id, group.DisplayName, Direct);
        }

        json.WriteEndArray();
    }
}
