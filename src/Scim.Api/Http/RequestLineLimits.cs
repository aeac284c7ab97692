using Scim.Filtering.Parsing;

namespace Scim.Api.Http;

/// <summary>
/// Kestrel's limits on a request's line and headers, raised so that every filter the server accepts
/// (<see cref="ScimFilterParser.MaxLength"/> characters) reaches it in a GET query string however it is encoded, and a
/// longer one gets the SCIM error saying the limit rather than Kestrel's bare <c>414</c>, which it answers before the
/// application sees the request (so without a SCIM body).
/// </summary>
public static class RequestLineLimits
{
    /// <summary>
    /// The longest request line (method, path with query string, version) Kestrel reads, in bytes: 64 KiB, where
    /// Kestrel's default is 8 KiB. A filter of <see cref="ScimFilterParser.MaxLength"/> characters takes at most 36 KiB
    /// percent-encoded (a character of the Basic Multilingual Plane beyond ASCII is three UTF-8 bytes, each <c>%XX</c>),
    /// which leaves room for the other parameters. Longer lines still get Kestrel's <c>414</c> with no body.
    /// </summary>
    public const int MaxRequestLineSize = 64 * 1024;

    /// <summary>
    /// The most bytes of headers Kestrel reads, in bytes: Kestrel's default of 32 KiB plus a request line's worth, as
    /// HTTP/2 carries the path as a header (<c>:path</c>) and counts it with the others.
    /// </summary>
    public const int MaxRequestHeadersTotalSize = (32 * 1024) + MaxRequestLineSize;

    /// <summary>Sets the limits above on the Kestrel server of <paramref name="builder"/> (HTTP/1.1 and HTTP/2).</summary>
    public static IWebHostBuilder UseScimRequestLineLimits(this IWebHostBuilder builder) => builder.ConfigureKestrel(kestrel =>
    {
        kestrel.Limits.MaxRequestLineSize = MaxRequestLineSize;
        kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalSize;
        kestrel.Limits.Http2.MaxRequestHeaderFieldSize = MaxRequestLineSize;
    });
}
