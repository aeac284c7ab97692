using System.Text.Json;
using System.Text.Json.Nodes;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Users;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>
/// What CreateUser, ReplaceUser and PatchUser share: reading the stored user a write starts from, and building the
/// entity a write stores (columns, value rows, addresses, document) from a canonical representation (already
/// normalised against the schema). Everything is checked before anything is written.
/// </summary>
internal static class UserWriter
{
    /// <summary>The stored user an update starts from, or null when the organization has no such user.</summary>
    public static async Task<StoredUser?> ReadAsync(IScimDbContext db, Guid id, CancellationToken cancellationToken) =>
        await StoredUserById(db.AsDbContext(), id);

    /// <summary>
    /// The user's full representation as the PATCH engine sees it (RFC 7643 §4.1: <c>schemas</c>, <c>id</c>, the
    /// attributes, <c>manager</c> by <c>value</c>, <c>meta</c>), without <c>groups</c>, which no write changes.
    /// </summary>
    public static JsonObject ToResource(StoredUser user)
    {
        var resource = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.User),
            ["id"] = user.Id.ToString(),
        };
        var document = JsonNode.Parse(user.Document)!.AsObject();
        var attributes = document.ToList();
        document.Clear();
        foreach (var (name, value) in attributes)
        {
            resource[name] = value;
        }

        if (user.ManagerId is { } managerId)
        {
            if (resource[ScimSchemaUris.EnterpriseUser] is not JsonObject enterprise)
            {
                resource[ScimSchemaUris.EnterpriseUser] = enterprise = [];
            }

            enterprise["manager"] = new JsonObject { ["value"] = managerId.ToString() };
        }

        if (resource.ContainsKey(ScimSchemaUris.EnterpriseUser))
        {
            resource["schemas"]!.AsArray().Add(ScimSchemaUris.EnterpriseUser);
        }

        resource["meta"] = JsonSerializer.SerializeToNode(
            new ScimMeta { ResourceType = "User", Created = user.CreatedUtc, LastModified = user.LastModifiedUtc, Location = "/Users/" + user.Id },
            ScimJson.Options);
        return resource;
    }

    /// <summary>
    /// Sets <paramref name="user"/>'s attributes, value rows, addresses and document from <paramref name="resource"/>;
    /// fails with 400 on a value of the wrong type or a manager that is not another user of the organization (checked
    /// only when it changes from <paramref name="currentManagerId"/>; a manager deleted before the write commits is
    /// refused by the database).
    /// </summary>
    public static async Task<ScimError?> ApplyAsync(
        IScimDbContext db, User user, JsonObject resource, Guid? currentManagerId, CancellationToken cancellationToken)
    {
        ScimUser dto;
        try
        {
            dto = resource.Deserialize<ScimUser>(ScimJson.Options)!;
        }
        catch (JsonException ex)
        {
            return ScimError.InvalidValue($"The User has a value of the wrong type: {ex.Message}");
        }

        Guid? managerId = null;
        if (dto.EnterpriseUser?.Manager?.Value is { Length: > 0 } managerValue)
        {
            if (!Guid.TryParse(managerValue, out var id) || id == user.Id
                || (id != currentManagerId && !await db.Users.AnyAsync(u => u.Id == id, cancellationToken)))
            {
                return UnknownManager(managerValue);
            }

            managerId = id;
        }

        dto.Adapt(user, ScimMappings.Config);
        user.ManagerId = managerId;
        if (dto.Password is { Length: > 0 } password)
        {
            user.PasswordHash = PasswordHash.Create(password);
        }

        user.Values.Clear();
        foreach (var attribute in UserMappings.ValueAttributes)
        {
            var values = ValuesOf(dto, attribute) ?? [];
            user.Values.AddRange(values.Select((v, i) => ToRow(v.Adapt<UserValue>(ScimMappings.Config), user, attribute, i)));
        }

        user.Addresses.Clear();
        user.Addresses.AddRange((dto.Addresses ?? []).Select((a, i) =>
        {
            var row = a.Adapt<UserAddress>(ScimMappings.Config);
            row.OrganizationId = user.OrganizationId;
            row.UserId = user.Id;
            row.Ordinal = i;
            return row;
        }));
        user.Normalize();
        user.Document = UserDocument.Render(user);
        return null;
    }

    /// <summary>Whether the value rows or addresses of <paramref name="before"/> and <paramref name="after"/> differ.</summary>
    public static bool RowsDiffer(JsonObject before, JsonObject after) =>
        UserMappings.ValueAttributes.Append("addresses").Any(a => !JsonNode.DeepEquals(before[a], after[a]));

    /// <summary>A write's status as its result, with this user's 409 and 400 details.</summary>
    public static Result<bool> Outcome(WriteStatus status, User user) => VersionedWrite.Outcome(
        status,
        $"userName '{user.UserName}' is already taken in this organization (compared case-insensitively).",
        $"manager.value '{user.ManagerId}' is not the id of another User of this organization.");

    private static ScimError UnknownManager(string value) =>
        ScimError.InvalidValue($"manager.value '{value}' is not the id of another User of this organization.");

    private static UserValue ToRow(UserValue row, User user, string attribute, int ordinal)
    {
        row.OrganizationId = user.OrganizationId;
        row.UserId = user.Id;
        row.Attribute = attribute;
        row.Ordinal = ordinal;
        return row;
    }

    private static List<ScimMultiValue>? ValuesOf(ScimUser dto, string attribute) => attribute switch
    {
        "emails" => dto.Emails,
        "phoneNumbers" => dto.PhoneNumbers,
        "ims" => dto.Ims,
        "photos" => dto.Photos,
        "entitlements" => dto.Entitlements,
        "roles" => dto.Roles,
        "x509Certificates" => dto.X509Certificates,
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Not a value attribute."),
    };

    private static readonly Func<DbContext, Guid, Task<StoredUser?>> StoredUserById =
        EF.CompileAsyncQuery((DbContext db, Guid id) => db.Set<User>().AsNoTracking().Where(u => u.Id == id)
            .Select(u => new StoredUser(u.Id, u.Document, u.Version, u.ManagerId, u.PasswordHash, u.CreatedUtc, u.LastModifiedUtc))
            .FirstOrDefault());
}

/// <summary>The columns of a stored user that an update starts from.</summary>
internal sealed record StoredUser(
    Guid Id, byte[] Document, long Version, Guid? ManagerId, string? PasswordHash, DateTime CreatedUtc, DateTime LastModifiedUtc);
