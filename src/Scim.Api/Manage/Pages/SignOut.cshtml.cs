using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Scim.Api.Manage.Pages;

/// <summary>Ends the sign-in (a POST with the form's antiforgery token, so no other site can sign anyone out).</summary>
public sealed class SignOutModel : ManagePageModel
{
    /// <summary>A GET asks before signing out.</summary>
    public void OnGet()
    {
    }

    /// <summary>Removes the cookie and goes back to sign-in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ManageSession.Scheme);
        return RedirectToPage("/SignIn");
    }
}
