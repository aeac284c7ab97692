using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;

namespace Scim.Api.Manage.Pages;

/// <summary>
/// The operator's list of organizations (<see cref="ListOrganizations"/>, by name, paged), to pick the one the other
/// pages show. A sign-in with an organization's key has no use for it and is sent to the overview.
/// </summary>
public sealed class OrganizationsModel(IMediator mediator) : ManagePageModel
{
    /// <summary>Organizations a page shows.</summary>
    public const int PageSize = 50;

    /// <summary>Where the page starts: the previous page's next cursor.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    /// <summary>The organization picked.</summary>
    [BindProperty]
    public Guid Pick { get; set; }

    /// <summary>The page of organizations.</summary>
    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    /// <summary>The next page's cursor; null on the last.</summary>
    public string? NextCursor { get; private set; }

    /// <summary>Lists organizations.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IsOperator)
        {
            return RedirectToPage("/Index");
        }

        var page = await mediator.Send(new ListOrganizations.Query(PageSize, string.IsNullOrEmpty(Cursor) ? null : Cursor), cancellationToken);
        if (!page.IsSuccess)
        {
            // A cursor changed by hand or from an older page: the list from its start.
            return RedirectToPage("/Organizations");
        }

        (Organizations, NextCursor) = (page.Value!.Organizations, page.Value.NextCursor);
        return Page();
    }

    /// <summary>Signs the operator in again, looking at the organization picked.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ManageSession.OperatorOf(User) is not { } entry)
        {
            return RedirectToPage("/Index");
        }

        var organization = await mediator.Send(new GetOrganization.Query(Pick), cancellationToken);
        if (!organization.IsSuccess)
        {
            return NotFound();
        }

        await HttpContext.SignInAsync(ManageSession.Scheme, ManageSession.ForOperator(entry, organization.Value!, ManageSession.IssuedOf(User)));
        return RedirectToPage("/Index");
    }
}
