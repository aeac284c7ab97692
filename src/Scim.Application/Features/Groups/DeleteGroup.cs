using Mediator;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Journal;
using Scim.Filtering;
using Scim.Protocol;

namespace Scim.Application.Features.Groups;

/// <summary>DELETE /Groups/{id} (RFC 7644 §3.6): removes the group, its membership rows and its own memberships in other groups.</summary>
public static class DeleteGroup
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="IfMatch">The versions the group may be deleted at (RFC 7644 §3.14), or null for any: 412 when it has
    /// another one, compared by the DELETE statement itself.</param>
    public sealed record Command(string Id, ETagCondition? IfMatch = null) : ICommand<Result<bool>>;

    internal sealed class Handler(IResourceWriter writer, OrganizationContext organization, TimeProvider clock, JournalRecorder journal)
        : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!ScimId.TryParse(command.Id, out var id))
            {
                return ScimError.NotFound($"Group {command.Id} not found.");
            }

            var versions = VersionedWrite.DeletableVersions(command.IfMatch);
            var change = journal.Change(nameof(DeleteGroup), JournalOperation.Delete, JournalResourceType.Group, id, version: null, attributes: null);
            return await writer.WriteAsync(
                organization.OrganizationId,
                1,
                async (session, _) => await session.RecordAsync(
                    VersionedWrite.Deleted(await session.DeleteGroupAsync(id, clock.GetUtcNow().UtcDateTime, versions), "Group", id), change),
                cancellationToken);
        }
    }
}
