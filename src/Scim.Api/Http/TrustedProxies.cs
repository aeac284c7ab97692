using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Scim.Api.Http;

/// <summary>
/// ASP.NET Core's forwarded headers middleware, believing only the proxies of <see cref="ForwardedHeadersSettings"/>:
/// from them, <c>X-Forwarded-Proto</c>, <c>X-Forwarded-Host</c>, <c>X-Forwarded-Prefix</c> (the request's path base) and
/// <c>X-Forwarded-For</c> replace the request's own scheme, host, path base and remote address, so the URLs the server
/// hands out (<c>Location</c>, <c>meta.location</c>, <c>$ref</c>) are the public ones. From any other address they are
/// ignored.
/// </summary>
public static class TrustedProxies
{
    /// <summary>Adds the middleware when any proxy or network is configured; otherwise leaves the pipeline as it is.</summary>
    /// <param name="app">The pipeline, before anything that reads the request's scheme, host or path.</param>
    /// <param name="settings">The trusted proxies (validated at start: addresses and CIDR networks).</param>
    public static IApplicationBuilder UseScimForwardedHeaders(this IApplicationBuilder app, ForwardedHeadersSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.KnownProxies.Count == 0 && settings.KnownNetworks.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor
                | ForwardedHeaders.XForwardedProto
                | ForwardedHeaders.XForwardedHost
                | ForwardedHeaders.XForwardedPrefix,
        };

        // The middleware trusts loopback by default: only what is configured is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return app.UseForwardedHeaders(options);
    }
}
