using Mediator;
using Microsoft.AspNetCore.Mvc;
using Scim.Api.Cli;
using Scim.Api.Endpoints.Admin;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;

namespace Scim.Api.Manage.Pages;

/// <summary>
/// The organization's API keys (<see cref="ListApiKeys"/>) and the form that creates one (<see cref="CreateApiKey"/>):
/// a label, the SCIM / Read API / Write API / Admin toggles and an expiry. The new key's secret is in the answer to that
/// POST only (never stored for a later page), with a Copy button.
/// </summary>
public sealed class KeysModel(IMediator mediator, TimeProvider clock) : ManagePageModel
{
    /// <summary>The expiries the form offers, by value: a time from now as <see cref="KeyExpiry"/> reads it.</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> Expiries =
        [("never", "Never"), ("30d", "In 30 days"), ("90d", "In 90 days"), ("180d", "In 180 days"), ("365d", "In a year")];

    /// <summary>The keys, newest first.</summary>
    public IReadOnlyList<AdminApiKey> Keys { get; private set; } = [];

    /// <summary>The creation form.</summary>
    [BindProperty]
    public KeyForm Form { get; set; } = new();

    /// <summary>The key just created, with its secret: shown on this answer only.</summary>
    public CreatedAdminApiKey? Created { get; private set; }

    /// <summary>Why the key could not be created.</summary>
    public string? Problem { get; private set; }

    /// <summary>When the page was made (UTC), for how long ago keys were used.</summary>
    public DateTime Now { get; private set; }

    /// <summary>The label and prefix of a key just revoked (after the revoke page's redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Revoked { get; set; }

    /// <summary>Lists the keys.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        PickOrganizationFirst() ?? await ShowAsync(cancellationToken);

    /// <summary>Creates a key from the form and shows its secret once.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (PickOrganizationFirst() is { } pick)
        {
            return pick;
        }

        var scopes = (Form.Scim ? ApiKeyScopes.Scim : 0) | (Form.Read ? ApiKeyScopes.Read : 0) | (Form.Write ? ApiKeyScopes.Write : 0)
            | (Form.Admin ? ApiKeyScopes.Admin : 0);
        var now = clock.GetUtcNow();
        DateTimeOffset? expires = null;
        if (scopes == ApiKeyScopes.None)
        {
            Problem = "Turn on at least one of SCIM, Read API, Write API or Admin: a key without any can do nothing.";
        }
        else if (Form.Expires != "never" && (!Expiries.Any(e => e.Value == Form.Expires) || (expires = KeyExpiry.Parse(Form.Expires, now)) is null))
        {
            Problem = "Choose when the key expires from the list.";
        }
        else
        {
            var created = await mediator.Send(new CreateApiKey.Command(OrganizationId.ToString(), Form.Label ?? "", scopes, expires), cancellationToken);
            if (created.IsSuccess)
            {
                Created = CreatedAdminApiKey.From(created.Value!, now.UtcDateTime);
                Form = new KeyForm();
            }
            else
            {
                Problem = created.Error!.Detail;
            }
        }

        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var keys = await mediator.Send(new ListApiKeys.Query(OrganizationId.ToString()), cancellationToken);
        if (!keys.IsSuccess)
        {
            return NotFound();
        }

        Now = clock.GetUtcNow().UtcDateTime;
        Keys = [.. keys.Value!.Select(k => AdminApiKey.From(k, Now))];
        return Page();
    }
}

/// <summary>The key creation form: a label, the scope toggles (SCIM on by default: what an identity provider needs) and an expiry.</summary>
public sealed class KeyForm
{
    /// <summary>The key's label, e.g. <c>Entra ID provisioning</c>.</summary>
    public string? Label { get; set; }

    /// <summary>Every SCIM request: what Entra ID and Okta need.</summary>
    public bool Scim { get; set; } = true;

    /// <summary>SCIM reads only (an internal reporting service).</summary>
    public bool Read { get; set; }

    /// <summary>SCIM writes (an internal service that changes the directory).</summary>
    public bool Write { get; set; }

    /// <summary>This page and the administration API of the organization.</summary>
    public bool Admin { get; set; }

    /// <summary>One of <see cref="KeysModel.Expiries"/>' values.</summary>
    public string Expires { get; set; } = "never";
}
