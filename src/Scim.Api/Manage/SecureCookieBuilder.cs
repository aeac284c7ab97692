namespace Scim.Api.Manage;

/// <summary>
/// A cookie that is always <c>Secure</c>, whatever the request's scheme. The framework's
/// <see cref="CookieSecurePolicy.Always"/> refuses to issue antiforgery tokens over plain HTTP at all, which would make the
/// page fail on <c>http://localhost</c>, where browsers do keep Secure cookies; here the browser decides, and keeps them
/// only over HTTPS or from this machine.
/// </summary>
internal sealed class SecureCookieBuilder : CookieBuilder
{
    /// <param name="name">The cookie's name, e.g. <c>__Host-scim-manage</c>.</param>
    public SecureCookieBuilder(string name)
    {
        Name = name;
        HttpOnly = true;
        SameSite = SameSiteMode.Strict;
        Path = "/";
        SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    /// <inheritdoc/>
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}
