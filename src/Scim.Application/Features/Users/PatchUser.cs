using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Limits;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Journal;
using Scim.Domain.Users;
using Scim.Filtering;
using Scim.Protocol;
using Scim.Protocol.Patching;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>
/// PATCH /Users/{id} (RFC 7644 §3.5.2) in both Entra dialects. All operations apply or none do; a request that
/// changes nothing leaves <c>meta.lastModified</c> and <c>meta.version</c> alone.
/// </summary>
public static class PatchUser
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Request">The PatchOp body.</param>
    /// <param name="IfMatch">The versions the PATCH may be applied to (RFC 7644 §3.14), or null for any: 412 when the
    /// user has another version, read before or written after the PATCH is applied.</param>
    /// <param name="Projection">The attributes / excludedAttributes parameters (RFC 7644 §3.9) the answer honours; null for the default attribute set.</param>
    public sealed record Command(string Id, PatchRequest Request, AttributeProjection? Projection = null, ETagCondition? IfMatch = null) : ICommand<Result<ScimBody>>;

    internal sealed class Handler(
        IScimDbContext db, IResourceWriter writer, OrganizationContext organization, UserPasswords passwords, TimeProvider clock, JournalRecorder journal, ExpensiveWork expensive,
        ILogger<Command> logger)
        : ICommandHandler<Command, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!ScimId.TryParse(command.Id, out var id))
            {
                return ScimError.NotFound($"User {command.Id} not found.");
            }

            if (ExpensiveWork.IsExpensive(command.Request) && await expensive.EnterAsync(cancellationToken) is { } refused)
            {
                return refused;
            }

            // The PATCH is applied to the version read; the write is conditional on it, and a lost race starts over.
            var written = await VersionedWrite.RunAsync("User", id, command.IfMatch, () => TryPatchAsync(id, command, cancellationToken), cancellationToken);
            return written.IsSuccess ? await UserResources.ReadWrittenAsync(db, id, command.Projection, cancellationToken) : written.Error;
        }

        private async Task<Result<bool>> TryPatchAsync(Guid id, Command command, CancellationToken cancellationToken)
        {
            var withGroups = PatchEngine.Names(command.Request, ResourceTypeDefinition.User, UserSchema.Groups);
            var stored = await UserResources.ReadForPatchAsync(db, id, withGroups, cancellationToken);
            if (stored is null)
            {
                return ScimError.NotFound($"User {command.Id} not found.");
            }

            if (VersionedWrite.Check(command.IfMatch, "User", id, stored.Version) is { } changed)
            {
                return changed;
            }

            var current = stored.Resource;
            var outcome = PatchEngine.Apply(current, command.Request, ResourceTypeDefinition.User);
            if (!outcome.IsSuccess)
            {
                return outcome.Error;
            }

            Log.IgnoredAttributes(logger, "User", outcome.Value!.IgnoredAttributes);
            var patched = outcome.Value.Resource;
            var password = passwords.Take(patched);
            if (!password.IsSuccess)
            {
                return password.Error;
            }

            // A password that is ignored changes nothing, so a PATCH of it alone leaves the user as it was.
            var hash = password.Value ?? (passwords.Removes(command.Request) ? UserPasswords.Removed : null);
            if (hash is null && JsonNode.DeepEquals(patched, current))
            {
                return true;
            }

            var user = new User { Id = id, OrganizationId = organization.OrganizationId, LastModifiedUtc = clock.GetUtcNow().UtcDateTime, Version = stored.Version + 1 };
            user.PasswordHash = hash;
            if (await UserWriter.ApplyAsync(db, user, patched, stored.ManagerId, cancellationToken) is { } invalid)
            {
                return invalid;
            }

            var rowsChanged = UserWriter.RowsDiffer(current, patched);
            var change = UserWriter.Updated(journal, nameof(PatchUser), JournalOperation.Patch, user, current, patched, managerChanged: false);
            return await writer.WriteAsync(
                organization.OrganizationId,
                rowsChanged ? 1 + user.Values.Count + user.Addresses.Count : 1,
                async (session, _) => await session.RecordAsync(UserWriter.Outcome(await session.UpdateUserAsync(user, stored.Version, rowsChanged), user), change),
                cancellationToken);
        }
    }
}
