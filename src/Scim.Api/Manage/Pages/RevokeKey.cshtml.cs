using Mediator;
using Microsoft.AspNetCore.Mvc;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;

namespace Scim.Api.Manage.Pages;

/// <summary>Asks before revoking one of the organization's keys (<see cref="RevokeApiKey"/>); a key of another organization is 404.</summary>
public sealed class RevokeKeyModel(IMediator mediator) : ManagePageModel
{
    /// <summary>The key's id.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The key, as listed.</summary>
    public ApiKey? Key { get; private set; }

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
            ? RedirectToPage("/Keys", new { revoked = $"“{revoked.Value!.Name}” ({revoked.Value.Prefix}…)" })
            : NotFound();
    }

    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        var keys = await mediator.Send(new ListApiKeys.Query(OrganizationId.ToString()), cancellationToken);
        Key = keys.IsSuccess ? keys.Value!.FirstOrDefault(k => k.Id == Id && k.RevokedUtc is null) : null;
        return Key is not null;
    }
}
