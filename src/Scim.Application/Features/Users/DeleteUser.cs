using Mediator;
using Scim.Application.Common.Persistence;
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
    public sealed record Command(string Id) : ICommand<Result<bool>>;

    internal sealed class Handler(IResourceWriter writer, OrganizationContext organization, TimeProvider clock) : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!ScimId.TryParse(command.Id, out var id))
            {
                return ScimError.NotFound($"User {command.Id} not found.");
            }

            var deleted = await writer.WriteAsync<bool>(
                organization.OrganizationId,
                1,
                async (session, _) => await session.DeleteUserAsync(id, clock.GetUtcNow().UtcDateTime) ? true : ScimError.NotFound($"User {command.Id} not found."),
                cancellationToken);
            return deleted;
        }
    }
}
