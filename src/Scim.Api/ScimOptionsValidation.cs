namespace Scim.Api;

/// <summary>
/// Checks the <c>Scim</c> settings when the server starts, before Kestrel takes the body limit from them, so a value it
/// could not use stops it with one line naming the setting, what is wrong with it and what to set instead, before it
/// touches the database or serves a request. <see cref="ScimOptions.PublicBaseUrl"/> must be empty or an absolute
/// <c>http</c> or <c>https</c> URL with a host and without user information, query or fragment: the administration API
/// appends the path base to it, and Entra's tenant URL a query of its own. <see cref="ScimOptions.ShutdownTimeout"/> must be
/// positive, <see cref="ScimOptions.ApiKeyCacheSeconds"/> 0 or more, and each entry of <see cref="ScimOptions.ForwardedHeaders"/> an IP address (proxies) or a CIDR network (networks).
/// </summary>
public static partial class ScimOptionsValidation
{
    /// <summary>The line naming the first setting of <paramref name="options"/> the server cannot use, or null when all are usable.</summary>
    /// <param name="options">The bound <c>Scim</c> settings.</param>
    public static string? Problem(ScimOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (PublicBaseUrlProblem(options.PublicBaseUrl) is { } problem)
        {
            return
                $"Scim:PublicBaseUrl '{options.PublicBaseUrl}' {problem}; set it to the address identity providers reach this deployment at, "
                + "such as https://scim.eu.example.com (a reverse proxy's path may follow), or leave it empty.";
        }

        if (options.ShutdownTimeout <= TimeSpan.Zero)
        {
            return $"Scim:ShutdownTimeout '{options.ShutdownTimeout}' is not positive; set a time span such as 00:00:10.";
        }

        if (options.ApiKeyCacheSeconds < 0)
        {
            return $"Scim:ApiKeyCacheSeconds '{options.ApiKeyCacheSeconds}' is negative; set the seconds a valid key is trusted without a lookup, such as 5, or 0 to look it up on every request.";
        }

        if (ManagePathProblem(options) is { } managePath)
        {
            return $"Scim:Manage:Path '{options.Manage.Path}' {managePath}; set a path such as /manage, or Scim:Manage:Enabled to false.";
        }

        if (options.Manage.SessionLifetime < TimeSpan.FromMinutes(1) || options.Manage.SessionLifetime > TimeSpan.FromHours(12))
        {
            return $"Scim:Manage:SessionLifetime '{options.Manage.SessionLifetime}' is not from 1 minute to 12 hours; set a time span such as 00:30:00.";
        }

        if (options.RequestBodies.MaxConcurrentLarge < 1)
        {
            return $"Scim:RequestBodies:MaxConcurrentLarge '{options.RequestBodies.MaxConcurrentLarge}' is less than 1; set how many bodies over 64 KiB may be read at once, such as 4.";
        }

        if (options.RequestBodies.QueueTimeout < TimeSpan.Zero)
        {
            return $"Scim:RequestBodies:QueueTimeout '{options.RequestBodies.QueueTimeout}' is negative; set a time span such as 00:00:05.";
        }

        if (options.RequestBodies.MaxSize < 1024)
        {
            return $"Scim:RequestBodies:MaxSize '{options.RequestBodies.MaxSize}' is less than 1024; set the largest request body in bytes, such as 30000000.";
        }

        if (options.ForwardedHeaders.KnownProxies.FirstOrDefault(p => !System.Net.IPAddress.TryParse(p, out _)) is { } proxy)
        {
            return $"Scim:ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address; list addresses such as 10.0.0.5.";
        }

        return options.ForwardedHeaders.KnownNetworks.FirstOrDefault(n => !System.Net.IPNetwork.TryParse(n, out _)) is { } network
            ? $"Scim:ForwardedHeaders:KnownNetworks has '{network}', which is not a network in CIDR notation; list networks such as 10.0.0.0/8."
            : null;
    }

    // The owner's page has paths of its own: never the administration API's, the health checks' or SCIM's.
    private static string? ManagePathProblem(ScimOptions options)
    {
        var path = options.Manage.Path;
        if (!options.Manage.Enabled)
        {
            return null;
        }

        if (!ManagePath().IsMatch(path))
        {
            return "is not a path of segments of letters, digits, '-' and '_' starting with '/'";
        }

        bool Under(string other) => other.Length > 0 && new PathString(path).StartsWithSegments(other, StringComparison.OrdinalIgnoreCase);
        // SCIM at the host root (no path base) has these paths of its own at the root.
        string[] scim = options.PathBase.Length > 0 ? [options.PathBase]
            : ["/Users", "/Groups", "/Me", "/Bulk", "/Schemas", "/ResourceTypes", "/ServiceProviderConfig", "/.search"];
        return Under("/admin") || Under("/health") || Under("/swagger") || scim.Any(Under)
                || (options.PathBase.Length > 0 && new PathString(options.PathBase).StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
            ? "overlaps the administration API (/admin), the health checks (/health), the OpenAPI documents (/swagger) or SCIM's paths"
            : null;
    }

    private static string? PublicBaseUrlProblem(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        // On Unix "/scim" parses as an absolute file URL: only a scheme followed by "://" and a host is an address.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || !value.Contains("://", StringComparison.Ordinal) || url.Host.Length == 0)
        {
            return "is not an absolute URL";
        }

        return url switch
        {
            { Scheme: not ("https" or "http") } => $"has the scheme '{url.Scheme}', not http or https",
            { UserInfo.Length: > 0 } => "carries user information, which would be copied into every address the server hands out",
            _ when value.Contains('?', StringComparison.Ordinal) => "has a query, which the addresses built from it could not carry",
            _ when value.Contains('#', StringComparison.Ordinal) => "has a fragment, which the addresses built from it could not carry",
            _ => null,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(/[A-Za-z0-9_-]+)+$")]
    private static partial System.Text.RegularExpressions.Regex ManagePath();
}
