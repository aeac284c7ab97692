using System.Text.Json;
using System.Text.Json.Nodes;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Users;
using Scim.Filtering;
using Scim.Protocol;

namespace Scim.Application.Features.Users;

/// <summary>
/// What CreateUser, ReplaceUser and PatchUser share: building the entity a write stores (columns, value rows, addresses, document) from a canonical representation (already
/// normalised against the schema, its password already taken out by <see cref="UserPasswords"/>). Everything is checked before anything is written.
/// </summary>
internal static class UserWriter
{
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
            if (!ScimId.TryParse(managerValue, out var id) || id == user.Id
                || (id != currentManagerId && !await db.Users.AnyAsync(u => u.Id == id, cancellationToken)))
            {
                return UnknownManager(managerValue);
            }

            managerId = id;
        }

        dto.Adapt(user, ScimMappings.Config);
        user.ManagerId = managerId;

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
        if (IndexedText.Check([
            ("userName", user.UserName), ("displayName", user.DisplayName), ("externalId", user.ExternalId),
            .. user.Values.Select(v => ($"{v.Attribute}.value", v.Value))]) is { } tooLong)
        {
            return tooLong;
        }

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

    /// <summary>
    /// The answer to a create of <paramref name="user"/> that failed with <paramref name="error"/>: a taken userName
    /// (409 uniqueness) names the User that has it, found with one lookup on the unique index (compared as the index
    /// compares, lower-invariant), so a client that sends a create again after a timeout learns the id the first one got.
    /// </summary>
    public static async Task<ScimError> CreateFailureAsync(IScimDbContext db, ScimError error, User user, CancellationToken cancellationToken)
    {
        if (error.ScimType != "uniqueness"
            || await db.Users.Where(u => u.UserNameNormalized == user.UserNameNormalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken) is not { } holder)
        {
            return error;
        }

        return ScimError.Uniqueness(
            $"userName '{user.UserName}' is already taken in this organization by User {holder} (compared case-insensitively); "
            + $"if that is the user this request creates, it exists already: GET /Users/{holder}.");
    }

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
}
