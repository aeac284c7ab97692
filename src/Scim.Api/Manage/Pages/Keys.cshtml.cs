using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
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
public sealed class KeysModel(IMediator mediator, TimeProvider clock, IMemoryCache sent) : ManagePageModel
{
    /// <summary>The expiries the form offers, by value: a time from now as <see cref="KeyExpiry"/> reads it.</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> Expiries =
        [("never", "Never"), ("30d", "In 30 days"), ("90d", "In 90 days"), ("180d", "In 180 days"), ("365d", "In a year")];

    private static readonly object FormsTaken = new();

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

    /// <summary>The id of a key just revoked (after the revoke page's redirect), to say so.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Revoked { get; set; }

    /// <summary>The key just revoked, when <see cref="Revoked"/> names one of the organization's revoked keys.</summary>
    public AdminApiKey? RevokedKey => Keys.FirstOrDefault(k => k.Id == Revoked && k.Status == "revoked");

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

        // A form sent again (the browser's reload of this answer, a second click) would make a second live key whose
        // secret nobody copies: each form carries a value of its own, taken here at once (two copies sent together find
        // it taken) and given back when no key comes of it.
        var once = $"manage:key-form:{OrganizationId}:{Form.Once}";
        if (!ModelState.IsValid || Form.Once == Guid.Empty)
        {
            Problem = "The form came back with values this page does not send. Fill it in again.";
        }
        else if (!Take(once))
        {
            Problem = "This form was sent already, and its key created then: its secret was shown once, on that answer. To create another key, fill in the form again.";
        }

        if (Problem is not null)
        {
            ModelState.Clear();
            Form = new KeyForm();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(cancellationToken);
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
                // The form shows what was posted unless the posted values are forgotten: a fresh form for the next key.
                ModelState.Clear();
                Form = new KeyForm();
            }
            else
            {
                Problem = created.Error!.Detail;
            }
        }

        if (Problem is not null)
        {
            sent.Remove(once);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await ShowAsync(cancellationToken);
    }

    // True for the first request that takes this form's value, false for every other.
    private bool Take(string once)
    {
        lock (FormsTaken)
        {
            if (sent.TryGetValue(once, out _))
            {
                return false;
            }

            sent.Set(once, true, ManageSession.MaxAge);
            return true;
        }
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
        if (Form.Once == Guid.Empty)
        {
            Form.Once = Guid.NewGuid();
        }

        return Page();
    }
}
