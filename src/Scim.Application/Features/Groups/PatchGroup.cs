using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Limits;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;
using Scim.Domain.Journal;
using Scim.Filtering;
using Scim.Protocol;
using Scim.Protocol.Patching;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>
/// PATCH /Groups/{id} (RFC 7644 §3.5.2) in both Entra dialects. Member changes become one set-based delete and
/// insert, so a 100,000-member group is never loaded; the group's row and its members change in one write (all or
/// nothing), and every member operation changes the group's version and lastModified. The answer is no body (204,
/// with the group's new version as its <c>ETag</c>) unless the request asks for attributes: then the patched group as
/// they select it (200).
/// </summary>
public static class PatchGroup
{
    private static readonly HashSet<string> ExternalAttributes = new(StringComparer.OrdinalIgnoreCase) { "members" };

    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Request">The PatchOp body.</param>
    /// <param name="Projection">
    /// The attributes / excludedAttributes parameters when the request has either: the answer then carries the patched
    /// group as they select it (RFC 7644 §3.5.2 requires it for attributes). Null answers with no body: returning the
    /// members of a large group is neither needed (Entra never reads them) nor cheap.
    /// </param>
    /// <param name="IfMatch">The versions the PATCH may be applied to (RFC 7644 §3.14), or null for any: 412 when the
    /// group has another version, read before or written after the PATCH is applied.</param>
    public sealed record Command(string Id, PatchRequest Request, AttributeProjection? Projection = null, ETagCondition? IfMatch = null)
        : ICommand<Result<Answer>>;

    /// <summary>What a successful PATCH answers.</summary>
    /// <param name="Version">The group's version after the PATCH: its <c>meta.version</c>, for the <c>ETag</c> of a 204.</param>
    /// <param name="Group">The patched group as <see cref="Command.Projection"/> selects it (200), or null (204).</param>
    public sealed record Answer(long Version, ScimBody? Group);

    internal sealed class Handler(
        IScimDbContext db, IResourceWriter writer, OrganizationContext organization, TimeProvider clock, JournalRecorder journal, ExpensiveWork expensive, ILogger<Command> logger)
        : ICommandHandler<Command, Result<Answer>>
    {
        public async ValueTask<Result<Answer>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!ScimId.TryParse(command.Id, out var id))
            {
                return ScimError.NotFound($"Group {command.Id} not found.");
            }

            if (ExpensiveWork.IsExpensive(command.Request) && await expensive.EnterAsync(cancellationToken) is { } refused)
            {
                return refused;
            }

            var written = await VersionedWrite.RunAsync("Group", id, command.IfMatch, () => TryPatchAsync(id, command, cancellationToken), cancellationToken);
            if (!written.IsSuccess)
            {
                return written.Error;
            }

            if (command.Projection is null)
            {
                return new Answer(written.Value, null);
            }

            var group = await GroupResources.ReadWrittenAsync(db, id, command.Projection, cancellationToken);
            return group.IsSuccess ? new Answer(group.Value!.Version ?? written.Value, group.Value) : group.Error;
        }

        // The written version, or the write's error as it is (a stale write is retried by VersionedWrite).
        private static Result<long> Versioned(Result<bool> written, long version) => written.IsSuccess ? version : written.Error;

        // The PATCH is applied to the version read; the write is conditional on it, and a lost race starts over.
        private async Task<Result<long>> TryPatchAsync(Guid id, Command command, CancellationToken cancellationToken)
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

            var current = stored.Resource;
            var outcome = PatchEngine.Apply(current, command.Request, ResourceTypeDefinition.Group, ExternalAttributes);
            if (!outcome.IsSuccess)
            {
                return outcome.Error;
            }

            Log.IgnoredAttributes(logger, "Group", outcome.Value!.IgnoredAttributes);
            var attributesChanged = !JsonNode.DeepEquals(outcome.Value.Resource, current);
            if (!attributesChanged && outcome.Value.MemberOperations.Count == 0)
            {
                return stored.Version;
            }

            var group = new Group { Id = id, OrganizationId = organization.OrganizationId, Version = stored.Version };
            if (GroupWriter.Apply(group, outcome.Value.Resource) is { } invalid)
            {
                return invalid;
            }

            var members = await GroupMembership.PlanAsync(db, group.Id, false, outcome.Value.MemberOperations, cancellationToken);
            if (!members.IsSuccess)
            {
                return members.Error;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var change = members.Value!;
            var entry = journal.Change(
                nameof(PatchGroup),
                OperationOf(attributesChanged, outcome.Value.MemberOperations),
                JournalResourceType.Group,
                id,
                stored.Version + 1,
                ChangedAttributes.Between(current, outcome.Value.Resource, outcome.Value.MemberOperations.Count > 0 ? GroupSchema.Members.Name : null));
            if (!attributesChanged && !change.DependsOnRead && command.IfMatch is null or { IsAny: true })
            {
                // Members added or removed by id commute with any concurrent change of the group: no need to insist on
                // the version read, so concurrent member PATCHes of one group (Entra sends them) never retry. A request
                // with If-Match insists on it, and takes the conditional write below.
                return await writer.WriteAsync(
                    organization.OrganizationId,
                    1 + change.Rows,
                    async (session, _) =>
                    {
                        if (await session.TouchGroupAsync(group.Id, now) is not { } version)
                        {
                            return ScimError.NotFound($"Group {command.Id} not found.");
                        }

                        // Whatever version it had: the one this write gave it.
                        entry.Version = version;
                        return await session.RecordAsync(Versioned(await change.ApplyAsync(session, group.Id, true), version), entry);
                    },
                    cancellationToken);
            }

            // Attributes are patched from the values read, and members removed by a filter were the rows read: both
            // only hold if the group is still at that version.
            var expectedVersion = group.Version;
            group.Version++;
            group.LastModifiedUtc = now;
            return await writer.WriteAsync(
                organization.OrganizationId,
                1 + change.Rows,
                async (session, _) => await session.RecordAsync(
                    Versioned(
                        await change.ApplyAsync(session, group.Id, GroupWriter.Outcome(await session.UpdateGroupAsync(group, expectedVersion), group)),
                        group.Version),
                    entry),
                cancellationToken);
        }

        // What the journal calls the PATCH: a change of members alone is an addition or a removal when every operation is one.
        private static JournalOperation OperationOf(bool attributesChanged, IReadOnlyList<MemberOperation> operations) =>
            attributesChanged || operations.Count == 0 ? JournalOperation.Patch
            : operations.All(o => o is AddMembers) ? JournalOperation.AddMembers
            : operations.All(o => o is RemoveMembers or RemoveMembersWhere or ClearMembers) ? JournalOperation.RemoveMembers
            : JournalOperation.Patch;
    }
}
