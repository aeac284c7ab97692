using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Protocol;
using Scim.Protocol.Patching;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>
/// PATCH /Groups/{id} (RFC 7644 §3.5.2) in both Entra dialects. Member changes become one set-based delete and
/// insert, so a 100,000-member group is never loaded; the group's row and its members change in one write (all or
/// nothing), and every member operation changes the group's version and lastModified.
/// </summary>
public static class PatchGroup
{
    private static readonly HashSet<string> ExternalAttributes = new(StringComparer.OrdinalIgnoreCase) { "members" };

    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Request">The PatchOp body.</param>
    public sealed record Command(string Id, PatchRequest Request) : ICommand<Result<bool>>;

    internal sealed class Handler(IScimDbContext db, IResourceWriter writer, OrganizationContext organization, TimeProvider clock, ILogger<Command> logger)
        : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken) =>
            Guid.TryParse(command.Id, out var id)
                ? await VersionedWrite.RunAsync(() => TryPatchAsync(id, command, cancellationToken))
                : ScimError.NotFound($"Group {command.Id} not found.");

        // The PATCH is applied to the version read; the write is conditional on it, and a lost race starts over.
        private async Task<Result<bool>> TryPatchAsync(Guid id, Command command, CancellationToken cancellationToken)
        {
            var group = await GroupWriter.ReadAsync(db, id, cancellationToken);
            if (group is null)
            {
                return ScimError.NotFound($"Group {command.Id} not found.");
            }

            var current = GroupResources.ToJson(group);
            var outcome = PatchEngine.Apply(current, command.Request, ResourceTypeDefinition.Group, ExternalAttributes);
            if (!outcome.IsSuccess)
            {
                return outcome.Error;
            }

            Log.IgnoredAttributes(logger, "Group", outcome.Value!.IgnoredAttributes);
            var attributesChanged = !JsonNode.DeepEquals(outcome.Value.Resource, current);
            if (attributesChanged && GroupWriter.Apply(group, outcome.Value.Resource) is { } invalid)
            {
                return invalid;
            }

            var members = await GroupMembership.PlanAsync(db, group.Id, outcome.Value.MemberOperations, cancellationToken);
            if (!members.IsSuccess)
            {
                return members.Error;
            }

            if (!attributesChanged && outcome.Value.MemberOperations.Count == 0)
            {
                return true;
            }

            var expectedVersion = group.Version;
            group.Version++;
            group.LastModifiedUtc = clock.GetUtcNow().UtcDateTime;
            return await writer.WriteAsync(organization.OrganizationId, 1 + members.Value!.Rows, async (session, _) =>
            {
                var written = GroupWriter.Outcome(await session.UpdateGroupAsync(group, expectedVersion), group);
                if (written.IsSuccess)
                {
                    await members.Value.ApplyAsync(session, group.Id);
                }

                return written;
            }, cancellationToken);
        }
    }
}
