using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Scim.Api.Manage;

/// <summary>
/// What every page of the owner's site knows of its sign-in: the organization it shows (every query is scoped to it by
/// <see cref="ManageSession.ValidateAsync"/>), its name, and whether the operator is looking.
/// </summary>
public abstract class ManagePageModel : PageModel
{
    /// <summary>The organization the page shows; <see cref="Guid.Empty"/> for an operator that has not picked one.</summary>
    public Guid OrganizationId => ManageSession.OrganizationOf(User) ?? Guid.Empty;

    /// <summary>The organization's name as it was at sign-in.</summary>
    public string OrganizationName => User.FindFirst(ManageSession.OrganizationNameClaim)?.Value ?? "";

    /// <summary>True when the deployment's operator signed in (and may pick another organization).</summary>
    public bool IsOperator => ManageSession.OperatorOf(User) is not null;

    /// <summary>The operator's way to a page of an organization it has not picked yet: the list of organizations.</summary>
    protected IActionResult? PickOrganizationFirst() => OrganizationId == Guid.Empty ? RedirectToPage("/Organizations") : null;
}
