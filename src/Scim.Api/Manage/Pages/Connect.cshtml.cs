using Mediator;
using Microsoft.AspNetCore.Mvc;
using Scim.Api.Endpoints.Admin;
using Scim.Application.Features.Journal;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;

namespace Scim.Api.Manage.Pages;

/// <summary>
/// What to paste into Microsoft Entra ID and Okta (this deployment's addresses, <see cref="AdminOrganization"/>), the
/// settings they need, and the connection check: each SCIM key's last use and its last provisioning run.
/// </summary>
public sealed class ConnectModel(IMediator mediator, TimeProvider clock) : ManagePageModel
{
    /// <summary>The organization with its Tenant URL and Okta base URL.</summary>
    public AdminOrganization? Organization { get; private set; }

    /// <summary>The keys that may provision (SCIM scope, not revoked), each with its last run when one is among the recent ones.</summary>
    public IReadOnlyList<(ApiKey Key, ListProvisioningRuns.ProvisioningRun? LastRun)> Connections { get; private set; } = [];

    /// <summary>When the page was made (UTC).</summary>
    public DateTime Now { get; private set; }

    /// <summary>Shows the values and the check.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PickOrganizationFirst() is { } pick)
        {
            return pick;
        }

        var organization = await mediator.Send(new GetOrganization.Query(OrganizationId), cancellationToken);
        var keys = await mediator.Send(new ListApiKeys.Query(OrganizationId.ToString()), cancellationToken);
        var runs = await mediator.Send(
            new ListProvisioningRuns.Query(OrganizationId, null, null, ListProvisioningRuns.DefaultGap, null, ListProvisioningRuns.MaxCount), cancellationToken);
        if (!organization.IsSuccess || !keys.IsSuccess || !runs.IsSuccess)
        {
            return NotFound();
        }

        Now = clock.GetUtcNow().UtcDateTime;
        Organization = AdminOrganization.From(organization.Value!, HttpContext);
        Connections = [.. keys.Value!
            .Where(k => k.Scopes.HasFlag(ApiKeyScopes.Scim) && k.RevokedUtc is null)
            .Select(k => (k, runs.Value!.Runs.FirstOrDefault(r => r.KeyId == k.Id)))];
        return Page();
    }
}
