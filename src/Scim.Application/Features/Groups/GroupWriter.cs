using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Protocol;

namespace Scim.Application.Features.Groups;

/// <summary>Writes a canonical Group representation (without members) onto an entity: shared by create, replace and patch.</summary>
internal static class GroupWriter
{
    /// <summary>Copies the attributes of <paramref name="resource"/> onto <paramref name="group"/>.</summary>
    public static ScimError? Apply(Group group, JsonObject resource)
    {
        if ((GroupCatalogue.Catalogue.Read(resource, group) ?? GroupCatalogue.Catalogue.CheckLengths(group)) is { } invalid)
        {
            return invalid;
        }

        group.Normalize();
        return null;
    }

    /// <summary>
    /// The answer to a create of <paramref name="group"/> that failed with <paramref name="error"/>: a taken displayName
    /// (409 uniqueness) names the Group that has it, found with one lookup on the unique index (compared as the index
    /// compares, lower-invariant), so a client that sends a create again after a timeout learns the id the first one got.
    /// </summary>
    public static async Task<ScimError> CreateFailureAsync(IScimDbContext db, ScimError error, Group group, CancellationToken cancellationToken)
    {
        if (error.ScimType != "uniqueness"
            || await db.Groups.Where(g => g.DisplayNameNormalized == group.DisplayNameNormalized).Select(g => (Guid?)g.Id).FirstOrDefaultAsync(cancellationToken) is not { } holder)
        {
            return error;
        }

        return ScimError.Uniqueness(
            $"displayName '{group.DisplayName}' is already taken by Group {holder} of this organization (compared case-insensitively); "
            + $"if that is the group this request creates, it exists already: GET /Groups/{holder}.");
    }

    /// <summary>A write's status as its result, with this group's 409 detail.</summary>
    public static Result<bool> Outcome(WriteStatus status, Group group) => VersionedWrite.Outcome(
        status, $"displayName '{group.DisplayName}' is already taken by another Group of this organization (compared case-insensitively).");
}
