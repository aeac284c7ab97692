using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Domain.Journal;
using Scim.Domain.Users;
using Scim.Filtering;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>
/// What CreateUser, ReplaceUser and PatchUser share: building the entity a write stores (columns, value rows, addresses, document) from a canonical representation (already
/// normalised against the schema, its password already taken out by <see cref="UserPasswords"/>). Everything is checked before anything is written.
/// </summary>
internal static class UserWriter
{
    // The manager as the journal names it: the enterprise extension's manager, qualified by its URN.
    private const string ManagerAttribute = ScimSchemaUris.EnterpriseUser + ":manager";

    private const string ManagerValue = ManagerAttribute + ".value";

    /// <summary>
    /// Sets <paramref name="user"/>'s attributes, value rows, addresses and document from <paramref name="resource"/>;
    /// fails with 400 on a value of the wrong type or a manager that is not another user of the organization (checked
    /// only when it changes from <paramref name="currentManagerId"/>; a manager deleted before the write commits is
    /// refused by the database).
    /// </summary>
    public static async Task<ScimError?> ApplyAsync(
        IScimDbContext db, User user, JsonObject resource, Guid? currentManagerId, CancellationToken cancellationToken)
    {
        if ((UserCatalogue.Catalogue.Read(resource, user) ?? UserCatalogue.Catalogue.CheckLengths(user)) is { } invalid)
        {
            return invalid;
        }

        Guid? managerId = null;
        if (UserCatalogue.Catalogue.Locate(resource, ManagerValue) is JsonValue manager
            && manager.TryGetValue<string>(out var managerValue) && managerValue.Length > 0)
        {
            if (!ScimId.TryParse(managerValue, out var id) || id == user.Id
                || (id != currentManagerId && !await db.Users.AnyAsync(u => u.Id == id, cancellationToken)))
            {
                return UnknownManager(managerValue);
            }

            managerId = id;
        }

        user.ManagerId = managerId;
        user.Normalize();
        user.Document = UserDocument.Render(user);
        return null;
    }

    /// <summary>
    /// The journal row of an update of <paramref name="user"/> (as it will be stored) from <paramref name="before"/> to
    /// <paramref name="after"/>, the user's canonical JSON: a deactivation when it sets <c>active</c> to false, otherwise
    /// <paramref name="operation"/>; the attributes whose values differ, the manager when <paramref name="managerChanged"/>
    /// (for JSON that does not hold it), and the password when the write stores or removes one.
    /// </summary>
    public static JournalEntry Updated(
        JournalRecorder journal, string slice, JournalOperation operation, User user, JsonObject before, JsonObject after, bool managerChanged) =>
        journal.Change(
            slice,
            ChangedAttributes.Deactivates(before, after) ? JournalOperation.Deactivate : operation,
            JournalResourceType.User,
            user.Id,
            user.Version,
            ChangedAttributes.Between(before, after, managerChanged ? ManagerAttribute : null, user.PasswordHash is null ? null : UserSchema.Password.Name));

    /// <summary>Whether the value rows or addresses of <paramref name="before"/> and <paramref name="after"/> differ.</summary>
    public static bool RowsDiffer(JsonObject before, JsonObject after) =>
        UserCatalogue.Catalogue.RowAttributes.Any(a => !JsonNode.DeepEquals(before[a], after[a]));

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
}
