using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// First start: when the database has no organization at all, creates one with a <c>scim</c> key so a new user can
/// connect straight away, and, when asked, an <c>admin</c> key to sign in to the owner's page. Returns the tokens to
/// print, or null when organizations already exist.
/// </summary>
public static class BootstrapDevelopmentOrganization
{
    /// <param name="OrganizationName">The name of the organization to create.</param>
    /// <param name="OwnerKey">Whether to create the <c>admin</c> key too (the owner's page is served).</param>
    public sealed record Command(string OrganizationName, bool OwnerKey) : ICommand<Response?>;

    /// <summary>The keys created.</summary>
    /// <param name="Scim">The key with the <c>scim</c> scope, for an identity provider or curl.</param>
    /// <param name="Owner">The key with the <c>admin</c> scope, for the owner's page; null when not asked for.</param>
    public sealed record Response(CreateApiKey.Response Scim, CreateApiKey.Response? Owner);

    internal sealed class Handler(IScimDbContext db, IMediator mediator) : ICommandHandler<Command, Response?>
    {
        public async ValueTask<Response?> Handle(Command command, CancellationToken cancellationToken)
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

            var id = organization.Value!.Id.ToString();
            var scim = await mediator.Send(new CreateApiKey.Command(id, "first-start", ApiKeyScopes.Scim), cancellationToken);
            var owner = command.OwnerKey ? (await mediator.Send(new CreateApiKey.Command(id, "first-start owner", ApiKeyScopes.Admin), cancellationToken)).Value : null;
            return scim.IsSuccess ? new Response(scim.Value!, owner) : null;
        }
    }
}
