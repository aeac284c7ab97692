using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;
using Scim.Protocol;
using Scim.Protocol.Patching;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>
/// PATCH /Groups/{id} (RFC 7644 §3.5.2) in both Entra dialects. Member changes become row inserts and deletes,
/// so a 100,000-member group is never loaded; everything runs in one transaction (all or nothing).
/// </summary>
public static class PatchGroup
{
    private static readonly HashSet<string> ExternalAttributes = new(StringComparer.OrdinalIgnoreCase) { "members" };

    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Request">The PatchOp body.</param>
    public sealed record Command(string Id, PatchRequest Request) : ICommand<Result<bool>>;

    internal sealed class Handler(IScimDbContext db, OrganizationContext organization, TimeProvider clock, ILogger<Command> logger)
        : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            var group = Guid.TryParse(command.Id, out var id)
                ? await db.Groups.WithSpecification(new ResourceByIdSpec<Group>(id)).FirstOrDefaultAsync(cancellationToken)
                : null;
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

            if (attributesChanged || outcome.Value.MemberOperations.Count > 0)
            {
                group.LastModifiedUtc = clock.GetUtcNow().UtcDateTime;
                group.Version++;
            }

            var error = await GroupWriter.SaveAsync(db, group, cancellationToken)
                ?? await GroupMembership.ApplyAsync(db, organization.OrganizationId, group.Id, outcome.Value.MemberOperations, cancellationToken);
            if (error is not null)
            {
                return error;
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }
}
