using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Scim.Api.Authentication;
using Scim.Api.Http;
using Scim.Api.Limits;
using Scim.Api.Observability;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;

namespace Scim.Api.Manage.Pages;

/// <summary>
/// Sign-in with an API key of the <c>admin</c> scope, or the operator's secret (which then picks an organization). A
/// refused secret counts against the address's refused-token limit (<c>Scim:RateLimits:RefusedTokensPerMinute</c>), as
/// on the API; beyond it the form answers 429 without checking.
/// </summary>
public sealed class SignInModel(
    IMediator mediator, OperatorKeys operators, RefusedTokens refused, FailedAuthentications failures, ScimOptions options, TimeProvider clock)
    : ManagePageModel
{
    /// <summary>The key or operator secret as typed.</summary>
    [BindProperty]
    public string? Token { get; set; }

    /// <summary>Where to go once signed in: a page of this site the sign-in interrupted.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the last attempt failed, in words for the person signing in.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// True when the page was reached over plain HTTP from another host than this machine: browsers keep the sign-in's
    /// Secure cookie only over HTTPS (or from localhost), so the sign-in could not last.
    /// </summary>
    public bool InsecureTransport => !Request.IsHttps && !ManageSetup.IsLoopback(Request.Host.Host);

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the secret; signs in and goes on, or shows why not.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var address = HttpContext.Connection.RemoteIpAddress;
        if (refused.Blocked(address) is { } wait)
        {
            ScimErrorResponse.RetryAfter(Response, wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Problem = $"More than {refused.PerMinute} refused keys came from this address within a minute. Wait a minute, then try again.";
            return Page();
        }

        var token = Token?.Trim() ?? "";
        var (principal, problem, reason) = await CheckAsync(token, cancellationToken);
        if (principal is null)
        {
            refused.Refused(address);
            failures.Record(address, token, reason);
            Problem = problem;
            return Page();
        }

        await HttpContext.SignInAsync(ManageSession.Scheme, principal);
        // Back to the page the sign-in interrupted, when it is one of this site's (never another path of the server).
        return ReturnUrl is { Length: > 0 } back && IsPageOfTheSite(back) && ManageSession.OrganizationOf(principal) is not null
            ? LocalRedirect(back)
            : RedirectToPage(ManageSession.OrganizationOf(principal) is null ? "/Organizations" : "/Index");
    }

    // A local URL below the page's path that stays there: no dot segment (decoded or not) or backslash to climb out.
    private bool IsPageOfTheSite(string url)
    {
        var path = Uri.UnescapeDataString(url.Split('?')[0]);
        return Url.IsLocalUrl(url) && !path.Contains('\\', StringComparison.Ordinal) && !path.Split('/').Any(segment => segment is "." or "..")
            && new PathString(path).StartsWithSegments(options.Manage.Path);
    }

    private async Task<(ClaimsPrincipal? Principal, string Problem, string Reason)> CheckAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length == 0)
        {
            return (null, "Paste an API key with the admin scope.", "empty");
        }

        if (OperatorKeys.IsOperatorToken(token))
        {
            return operators.Match(token) is { } entry
                ? (ManageSession.ForOperator(entry, null, clock.GetUtcNow()), "", "")
                : (null, "This operator secret is not one this deployment knows. Check that it was copied whole.", "unknown_operator");
        }

        var (outcome, key) = await mediator.Send(new AuthenticateApiKey.Query(token), cancellationToken);
        switch (outcome)
        {
            case AuthenticateApiKey.Outcome.Unknown:
                return (null, "This is not an API key of any organization. Check that it was copied whole.", "unknown");
            case AuthenticateApiKey.Outcome.Revoked:
                return (null, $"This key ('{key!.Name}', {key.Prefix}…) was revoked on {ManageFormat.Time(key.RevokedUtc)}. Sign in with another key that has the admin scope.", "revoked");
            case AuthenticateApiKey.Outcome.Expired:
                return (null, $"This key ('{key!.Name}', {key.Prefix}…) expired on {ManageFormat.Time(key.ExpiresUtc)}. Sign in with another key that has the admin scope.", "expired");
        }

        if (!key!.Scopes.HasFlag(ApiKeyScopes.Admin))
        {
            return (null,
                $"This key ('{key.Name}', {key.Prefix}…) works for {ApiKeyScopeNames.Format(key.Scopes)} but cannot sign in here: that takes a key with the admin scope.",
                "no_admin_scope");
        }

        var organization = await mediator.Send(new GetOrganization.Query(key.OrganizationId), cancellationToken);
        return organization.IsSuccess
            ? (ManageSession.ForKey(key, organization.Value!, clock.GetUtcNow()), "", "")
            : (null, "This key's organization is being deleted.", "organization_deleted");
    }
}
