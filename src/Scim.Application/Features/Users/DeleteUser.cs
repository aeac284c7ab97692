using Mediator;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Journal;
using Scim.Filtering;
using Scim.Protocol;

namespace Scim.Application.Features.Users;

/// <summary>
/// DELETE /Users/{id} (RFC 7644 §3.6): removes the user, its group memberships and its value rows; users it
/// managed keep no manager. A second DELETE is 404.
/// </summary>
public static class DeleteUser
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="IfMatch">The versions the user may be deleted at (RFC 7644 §3.14), or null for any: 412 when it has
    /// another one, compared by the DELETE statement itself.</param>
    public sealed record Command(string Id, ETagCondition? IfMatch = null) : ICommand<Result<bool>>;

    internal sealed class Handler(IResourceWriter writer, OrganizationContext organization, TimeProvider clock, JournalRecorder journal)
        : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!ScimId.TryParse(command.Id, out var id))
            {
                return ScimError.NotFound($"User {command.Id} not found.");
            }

            var versions = VersionedWrite.DeletableVersions(command.IfMatch);
            var change = journal.Change(nameof(DeleteUser), JournalOperation.Delete, JournalResourceType.User, id, version: null, attributes: null);
            return await writer.WriteAsync(
                organization.OrganizationId,
                1,
                async (session, _) => await session.RecordAsync(
                    VersionedWrite.Deleted(await session.DeleteUserAsync(id, clock.GetUtcNow().UtcDateTime, versions), "User", id), change),
                cancellationToken);
        }
    }
}
