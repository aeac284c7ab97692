using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// First start: when the database has no organization at all, creates one with a <c>scim</c> key so a new
/// user can connect straight away. Returns the token to print, or null when organizations already exist.
/// </summary>
public static class BootstrapDevelopmentOrganization
{
    /// <param name="OrganizationName">The name of the organization to create.</param>
    public sealed record Command(string OrganizationName) : ICommand<CreateApiKey.Response?>;

    internal sealed class Handler(IScimDbContext db, IMediator mediator) : ICommandHandler<Command, CreateApiKey.Response?>
    {
        public async ValueTask<CreateApiKey.Response?> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await db.Organizations.AnyAsync(cancellationToken))
            {
                return null;
            }

            var organization = await mediator.Send(new CreateOrganization.Command(command.OrganizationName), cancellationToken);
            if (!organization.IsSuccess)
            {
                return null;
            }

            var key = await mediator.Send(
                new CreateApiKey.Command(organization.Value!.Id.ToString(), "first-start", ApiKeyScopes.Scim), cancellationToken);
            return key.Value;
        }
    }
}
