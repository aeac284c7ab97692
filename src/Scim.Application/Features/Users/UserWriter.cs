using System.Text.Json;
using System.Text.Json.Nodes;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Users;
using Scim.Protocol;

namespace Scim.Application.Features.Users;

/// <summary>
/// Writes a canonical User representation (already normalised against the schema) onto an entity: the part
/// CreateUser, ReplaceUser and PatchUser share. Everything is checked before anything is changed.
/// </summary>
internal static class UserWriter
{
    /// <summary>Replaces the user's attributes with <paramref name="resource"/>; fails with 400 on a bad value or unknown manager.</summary>
    public static async Task<ScimError?> ApplyAsync(
        IScimDbContext db, User user, JsonObject resource, CancellationToken cancellationToken)
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
                || !await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
            {
                return ScimError.InvalidValue($"manager.value '{managerValue}' is not the id of another User of this organization.");
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
            row.Ordinal = i;
            return row;
        }));
        user.Normalize();
        user.Document = UserDocument.Render(user);
        return null;
    }

    /// <summary>Saves; a taken userName (also when a concurrent request won the race) is 409 uniqueness.</summary>
    public static Task<ScimError?> SaveAsync(IScimDbContext db, User user, CancellationToken cancellationToken)
    {
        return db.SaveOrConflictAsync(
            $"userName '{user.UserName}' is already taken in this organization (compared case-insensitively).", cancellationToken);
    }

    private static UserValue ToRow(UserValue row, User user, string attribute, int ordinal)
    {
        row.OrganizationId = user.OrganizationId;
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
