using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Journal;
using Scim.Domain.Users;
using Scim.Filtering;
using Scim.Protocol;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>
/// PUT /Users/{id} (RFC 7644 §3.5.1): replaces every writable attribute; omitted ones are cleared (an omitted
/// <c>active</c> becomes unassigned, which is not active).
/// </summary>
public static class ReplaceUser
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Body">The request body as sent.</param>
    /// <param name="IfMatch">The versions the replacement may be applied to (RFC 7644 §3.14), or null for any: 412 when
    /// the user has another version.</param>
    /// <param name="Projection">The attributes / excludedAttributes parameters (RFC 7644 §3.9) the answer honours; null for the default attribute set.</param>
    public sealed record Command(string Id, JsonObject Body, AttributeProjection? Projection = null, ETagCondition? IfMatch = null) : ICommand<Result<ScimBody>>;

    internal sealed class Handler(
        IScimDbContext db, IResourceWriter writer, OrganizationContext organization, UserPasswords passwords, TimeProvider clock, JournalRecorder journal,
        ILogger<Command> logger)
        : ICommandHandler<Command, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!ScimId.TryParse(command.Id, out var id))
            {
                return ScimError.NotFound($"User {command.Id} not found.");
            }

            var resource = ResourceInput.ReadReplacement(command.Body, id, ResourceTypeDefinition.User, logger);
            if (!resource.IsSuccess)
            {
                return resource.Error;
            }

            var password = passwords.Take(resource.Value!);
            if (!password.IsSuccess)
            {
                return password.Error;
            }

            var written = await VersionedWrite.RunAsync("User", id, command.IfMatch, async () =>
            {
                var stored = await UserResources.ReadForPatchAsync(db, id, withGroups: false, cancellationToken);
                if (stored is null)
                {
                    return ScimError.NotFound($"User {command.Id} not found.");
                }

                if (VersionedWrite.Check(command.IfMatch, "User", id, stored.Version) is { } changed)
                {
                    return changed;
                }

                var user = new User { Id = id, OrganizationId = organization.OrganizationId, LastModifiedUtc = clock.GetUtcNow().UtcDateTime, Version = stored.Version + 1 };
                // Null keeps the stored hash: a PUT without a password does not clear it.
                user.PasswordHash = password.Value;
                if (await UserWriter.ApplyAsync(db, user, resource.Value!, stored.ManagerId, cancellationToken) is { } invalid)
                {
                    return invalid;
                }

                // A PUT of the user as it is (Okta updates by GET then PUT) changes nothing: the version and
                // lastModified stay, so the ETag a client holds stays valid.
                if (user.PasswordHash is null && user.ManagerId == stored.ManagerId && user.Document.AsSpan().SequenceEqual(stored.Document))
                {
                    return true;
                }

                // The stored documents say what changed (both are rendered from the entity by the same catalogue); the
                // manager is a column of its own.
                var change = UserWriter.Updated(
                    journal,
                    nameof(ReplaceUser),
                    JournalOperation.Replace,
                    user,
                    JsonNode.Parse(stored.Document)!.AsObject(),
                    JsonNode.Parse(user.Document)!.AsObject(),
                    managerChanged: user.ManagerId != stored.ManagerId);
                return await writer.WriteAsync(
                    organization.OrganizationId,
                    1 + user.Values.Count + user.Addresses.Count,
                    async (session, _) => await session.RecordAsync(UserWriter.Outcome(await session.UpdateUserAsync(user, stored.Version, rowsChanged: true), user), change),
                    cancellationToken);
            }, cancellationToken);
            if (!written.IsSuccess)
            {
                return written.Error;
            }

            return await UserResources.ReadWrittenAsync(db, id, command.Projection, cancellationToken);
        }
    }
}
