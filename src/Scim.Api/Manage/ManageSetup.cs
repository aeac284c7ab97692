using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Scim.Api.Manage;

/// <summary>
/// The owner's page (<see cref="ManageOptions"/>): Razor Pages under <see cref="ManageOptions.Path"/>, its cookie sign-in
/// (<see cref="ManageSession"/>) and antiforgery, and, for its paths only, HTML error pages and the headers a page that
/// shows secrets needs (no caching, no framing, a script and style policy by nonce).
/// </summary>
internal static class ManageSetup
{
    private const string NonceItem = "scim.manage.nonce";

    /// <summary>Registers the pages, the cookie scheme, its policy and antiforgery, when <see cref="ManageOptions.Enabled"/>.</summary>
    public static IServiceCollection AddScimManage(this IServiceCollection services, ManageOptions options)
    {
        if (!options.Enabled)
        {
            return services;
        }

        services.AddMemoryCache();
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Manage/Pages";
            // Every page's route below the configured path, in lower case (Keys.cshtml is …/keys).
            pages.Conventions.AddFolderRouteModelConvention("/", model =>
            {
                foreach (var selector in model.Selectors)
                {
                    selector.AttributeRouteModel!.Template = AttributeRouteModel.CombineTemplates(
                        options.Path.TrimStart('/'), selector.AttributeRouteModel.Template?.ToLowerInvariant());
                }
            });
            pages.Conventions.AuthorizeFolder("/", ManageSession.Policy);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
        });
        services.AddAuthentication().AddCookie(ManageSession.Scheme, cookie =>
        {
            cookie.Cookie = new SecureCookieBuilder(ManageSession.CookieName);
            cookie.ExpireTimeSpan = options.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = options.Path + "/signin";
            cookie.LogoutPath = options.Path + "/signout";
            cookie.AccessDeniedPath = options.Path + "/signin";
            cookie.Events.OnValidatePrincipal = ManageSession.ValidateAsync;
        });
        services.AddAuthorizationBuilder().AddPolicy(ManageSession.Policy, policy => policy
            .AddAuthenticationSchemes(ManageSession.Scheme).RequireAuthenticatedUser());
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie = new SecureCookieBuilder("__Host-scim-antiforgery");
        });
        return services;
    }

    /// <summary>
    /// For the page's paths: HTML instead of SCIM JSON for errors and empty error statuses, and the headers of every answer.
    /// Call after the server-wide error handlers, so these answer first.
    /// </summary>
    public static void UseScimManage(this WebApplication app, ManageOptions options)
    {
        if (!options.Enabled)
        {
            return;
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments(options.Path), page =>
        {
            page.UseExceptionHandler(new ExceptionHandlerOptions
            {
                // As the server's own handler: a body over the size limit or an aborted upload is the client's doing.
                SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
                ExceptionHandler = context => WriteErrorAsync(
                    context,
                    context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad ? bad.StatusCode : 500,
                    options.Path),
            });
            page.UseStatusCodePages(context => WriteErrorAsync(context.HttpContext, context.HttpContext.Response.StatusCode, options.Path));
            page.Use((context, next) =>
            {
                var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                context.Items[NonceItem] = nonce;
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy =
                    $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
                // As antiforgery sets them on a page with a form (it warns in the log when it has to override others).
                headers.CacheControl = "no-cache, no-store";
                headers.Pragma = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return next(context);
            });
        });
    }

    /// <summary>Maps the pages, when enabled.</summary>
    public static void MapScimManage(this WebApplication app, ManageOptions options)
    {
        if (options.Enabled)
        {
            app.MapRazorPages().RequireRateLimiting(Limits.ScimRateLimits.AddressPolicy);
        }
    }

    /// <summary>The nonce this response's inline script and style carry (the Content-Security-Policy allows only them).</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceItem] as string ?? "";

    // A plain page in the site's colours, without the layout: the request may have failed anywhere, signed in or not.
    private static Task WriteErrorAsync(HttpContext context, int status, string path)
    {
        var (title, detail) = status switch
        {
            400 or 413 when !context.Request.IsHttps && !IsLoopback(context.Request.Host.Host) => ("The form could not be accepted",
                "This page was opened over plain HTTP, where the browser keeps none of its cookies. Open it at its https:// address and sign in again."),
            400 or 413 => ("The request could not be accepted",
                "A form may have been open for too long or sent from another site, or the address was changed by hand. Go back, reload the page and try again."),
            404 => ("Page not found", "There is no such page here."),
            405 => ("Not allowed", "This address does not take that kind of request."),
            429 => ("Too many requests", "Wait a moment, then try again."),
            >= 500 => ("Something went wrong", "The server failed to handle the request; the error has been logged. Try again in a moment."),
            _ => ("The request could not be handled", $"The server answered {status}."),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = HtmlEncoder.Default;
        return context.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
            <title>{{html.Encode(title)}} · SCIM</title>
            <style nonce="{{Nonce(context)}}">body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #1c2430 }</style></head>
            <body>
            <h1>{{html.Encode(title)}}</h1><p>{{html.Encode(detail)}}</p><p><a href="{{html.Encode(path)}}">Back to the overview</a></p>
            </body></html>
            """);
    }

    /// <summary>True for this machine's names, where browsers keep Secure cookies over plain HTTP too.</summary>
    public static bool IsLoopback(string host) => host is "localhost" or "127.0.0.1" or "[::1]";
}
