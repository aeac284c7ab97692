using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;
using Scim.Domain.Journal;
using Scim.Filtering;
using Scim.Protocol;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>PUT /Groups/{id} (RFC 7644 §3.5.1): replaces displayName, externalId and the member list (omitted members → none).</summary>
public static class ReplaceGroup
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Body">The request body as sent.</param>
    /// <param name="Projection">The attributes / excludedAttributes parameters (RFC 7644 §3.9) the answer honours; null for the default attribute set.</param>
    /// <param name="IfMatch">The versions the replacement may be applied to (RFC 7644 §3.14), or null for any: 412 when
    /// the group has another version.</param>
    public sealed record Command(string Id, JsonObject Body, AttributeProjection? Projection = null, ETagCondition? IfMatch = null) : ICommand<Result<ScimBody>>;

    internal sealed class Handler(
        IScimDbContext db, IResourceWriter writer, OrganizationContext organization, TimeProvider clock, JournalRecorder journal, ILogger<Command> logger)
        : ICommandHandler<Command, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!ScimId.TryParse(command.Id, out var id))
            {
                return ScimError.NotFound($"Group {command.Id} not found.");
            }

            var resource = ResourceInput.ReadReplacement(command.Body, id, ResourceTypeDefinition.Group, logger);
            if (!resource.IsSuccess)
            {
                return resource.Error;
            }

            var members = GroupMembership.TakeMembers(resource.Value!);

            var written = await VersionedWrite.RunAsync("Group", id, command.IfMatch, async () =>
            {
                var stored = await GroupResources.ReadForPatchAsync(db, id, cancellationToken);
                if (stored is null)
                {
                    return ScimError.NotFound($"Group {command.Id} not found.");
                }

                if (VersionedWrite.Check(command.IfMatch, "Group", id, stored.Version) is { } changed)
                {
                    return changed;
                }

                var expectedVersion = stored.Version;
                var group = new Group
                {
                    Id = id,
                    OrganizationId = organization.OrganizationId,
                    Version = expectedVersion + 1,
                    LastModifiedUtc = clock.GetUtcNow().UtcDateTime,
                };
                if (GroupWriter.Apply(group, resource.Value!) is { } invalid)
                {
                    return invalid;
                }

                var change = await GroupMembership.PlanAsync(db, group.Id, false, members, cancellationToken);
                if (!change.IsSuccess)
                {
                    return change.Error;
                }

                // A PUT sets the member list whatever it was: members are always among what it changes.
                var entry = journal.Change(
                    nameof(ReplaceGroup),
                    JournalOperation.Replace,
                    JournalResourceType.Group,
                    id,
                    group.Version,
                    ChangedAttributes.Between(stored.Resource, resource.Value!, GroupSchema.Members.Name));
                return await writer.WriteAsync(
                    organization.OrganizationId,
                    1 + change.Value!.Rows,
                    async (session, _) => await session.RecordAsync(
                        await change.Value.ApplyAsync(session, group.Id, GroupWriter.Outcome(await session.UpdateGroupAsync(group, expectedVersion), group)), entry),
                    cancellationToken);
            }, cancellationToken);
            if (!written.IsSuccess)
            {
                return written.Error;
            }

            return await GroupResources.ReadWrittenAsync(db, id, command.Projection, cancellationToken);
        }
    }
}
