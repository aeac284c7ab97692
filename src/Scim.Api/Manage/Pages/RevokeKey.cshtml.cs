using Mediator;
using Microsoft.AspNetCore.Mvc;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;

namespace Scim.Api.Manage.Pages;

/// <summary>Asks before revoking one of the organization's keys (<see cref="RevokeApiKey"/>); a key of another organization is 404.</summary>
public sealed class RevokeKeyModel(IMediator mediator, TimeProvider clock) : ManagePageModel
{
    /// <summary>The key's id.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The key, as listed.</summary>
    public ApiKey? Key { get; private set; }

    /// <summary>True when no other key of the organization that works has the <c>admin</c> scope: revoking this one leaves only the operator to create another.</summary>
    public bool IsLastAdminKey { get; private set; }

    /// <summary>True when it is the key this sign-in was made with: revoking it signs out.</summary>
    public bool IsCurrentSignIn => Key is not null && User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value == Key.Id.ToString();

    /// <summary>Shows the key and what revoking it does.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        PickOrganizationFirst() ?? (await FindAsync(cancellationToken) ? Page() : NotFound());

    /// <summary>Revokes the key and goes back to the list.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (PickOrganizationFirst() is { } pick)
        {
            return pick;
        }

        var revoked = await mediator.Send(new RevokeApiKey.Command(Id, OrganizationId), cancellationToken);
        return revoked.IsSuccess
            ? RedirectToPage("/Keys", new { revoked = revoked.Value!.Id })
            : NotFound();
    }

    // A key of another organization is as absent as one that does not exist.
    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        var key = await mediator.Send(new GetApiKey.Query(Id), cancellationToken);
        Key = key.Value is { RevokedUtc: null } found && found.OrganizationId == OrganizationId ? found : null;
        if (Key is { Scopes: var scopes } && scopes.HasFlag(ApiKeyScopes.Admin))
        {
            var keys = await mediator.Send(new ListApiKeys.Query(OrganizationId.ToString()), cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            IsLastAdminKey = !(keys.Value ?? []).Any(k => k.Id != Id && k.RevokedUtc is null && !k.HasExpiredAt(now) && k.Scopes.HasFlag(ApiKeyScopes.Admin));
        }

        return Key is not null;
    }
}
