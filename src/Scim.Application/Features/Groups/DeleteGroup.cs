using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Protocol;

namespace Scim.Application.Features.Groups;

/// <summary>DELETE /Groups/{id} (RFC 7644 §3.6): removes the group, its membership rows and its own memberships in other groups.</summary>
public static class DeleteGroup
{
    /// <param name="Id">The SCIM id from the URL.</param>
    public sealed record Command(string Id) : ICommand<Result<bool>>;

    internal sealed class Handler(IScimDbContext db) : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!Guid.TryParse(command.Id, out var id))
            {
                return ScimError.NotFound($"Group {command.Id} not found.");
            }

            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            await db.GroupMembers.Where(m => m.MemberId == id && m.Type == MemberType.Group).ExecuteDeleteAsync(cancellationToken);
            // The group's own membership rows follow it (ON DELETE CASCADE).
            if (await db.Groups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                return ScimError.NotFound($"Group {command.Id} not found.");
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }
}
