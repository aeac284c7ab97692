using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;
using Scim.Domain.Journal;
using Scim.Protocol;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>
/// POST /Groups (RFC 7644 §3.3): creates a group, with any members given; 409 uniqueness on a taken displayName, naming
/// the group that has it (so a create sent again after a timeout creates no second group and finds the first).
/// </summary>
public static class CreateGroup
{
    /// <param name="Body">The request body as sent.</param>
    /// <param name="Projection">The attributes / excludedAttributes parameters (RFC 7644 §3.9) the answer honours; null for the default attribute set.</param>
    public sealed record Command(JsonObject Body, AttributeProjection? Projection = null) : ICommand<Result<ScimBody>>;

    internal sealed class Handler(
        IScimDbContext db, IResourceWriter writer, OrganizationContext organization, TimeProvider clock, JournalRecorder journal, ILogger<Command> logger)
        : ICommandHandler<Command, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Command command, CancellationToken cancellationToken)
        {
            var resource = ResourceInput.Read(command.Body, ResourceTypeDefinition.Group, logger);
            if (!resource.IsSuccess)
            {
                return resource.Error;
            }

            var members = GroupMembership.TakeMembers(resource.Value!);
            var now = clock.GetUtcNow().UtcDateTime;
            var group = new Group { OrganizationId = organization.OrganizationId, CreatedUtc = now, LastModifiedUtc = now };
            if (GroupWriter.Apply(group, resource.Value!) is { } error)
            {
                return error;
            }

            var change = await GroupMembership.PlanAsync(db, group.Id, true, members, cancellationToken);
            if (!change.IsSuccess)
            {
                return change.Error;
            }

            var entry = journal.Change(
                nameof(CreateGroup),
                JournalOperation.Create,
                JournalResourceType.Group,
                group.Id,
                group.Version,
                ChangedAttributes.Between(null, resource.Value!, change.Value!.Rows > 0 ? GroupSchema.Members.Name : null));
            var written = await writer.WriteAsync(
                organization.OrganizationId,
                1 + change.Value.Rows,
                async (session, _) => await session.RecordAsync(
                    await change.Value.ApplyAsync(session, group.Id, GroupWriter.Outcome(await session.InsertGroupAsync(group), group)), entry),
                cancellationToken);
            if (!written.IsSuccess)
            {
                return await GroupWriter.CreateFailureAsync(db, written.Error, group, cancellationToken);
            }

            return await GroupResources.ReadWrittenAsync(db, group.Id, command.Projection, cancellationToken);
        }
    }
}
