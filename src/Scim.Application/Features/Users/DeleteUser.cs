using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Protocol;

namespace Scim.Application.Features.Users;

/// <summary>
/// DELETE /Users/{id} (RFC 7644 §3.6): removes the user, its group memberships and its value rows; users it
/// managed keep no manager. A second DELETE is 404.
/// </summary>
public static class DeleteUser
{
    /// <param name="Id">The SCIM id from the URL.</param>
    public sealed record Command(string Id) : ICommand<Result<bool>>;

    internal sealed class Handler(IScimDbContext db) : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!Guid.TryParse(command.Id, out var id))
            {
                return ScimError.NotFound($"User {command.Id} not found.");
            }

            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            await db.GroupMembers.Where(m => m.MemberId == id && m.Type == MemberType.User).ExecuteDeleteAsync(cancellationToken);
            // Values, addresses (cascade) and manager references (set null) follow the row in the database.
            if (await db.Users.Where(u => u.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                return ScimError.NotFound($"User {command.Id} not found.");
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }
}
