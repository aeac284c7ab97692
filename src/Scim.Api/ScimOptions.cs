using Scim.Application.Common.Resources;
using Scim.Application.Features.Bulk;
using Scim.Application.Features.Journal;
using Scim.Application.Features.Organizations.Erasure;

namespace Scim.Api;

/// <summary>Server settings, bound from the <c>Scim</c> configuration section (appsettings.json or <c>Scim__PathBase</c>-style environment variables).</summary>
public sealed class ScimOptions
{
    /// <summary>
    /// Where SCIM is served below the host, e.g. <c>/scim/v2</c>; empty (the default) serves it at the host root,
    /// so the Entra tenant URL is just <c>https://scim.example.com/</c>.
    /// </summary>
    public string PathBase { get; set; } = "";

    /// <summary>
    /// The region this deployment serves, e.g. <c>us</c> or <c>eu</c>, returned as <c>region</c> with every organization of
    /// the administration API. For data residency a region is one deployment with one database of its own: an
    /// organization lives in the region it was created in. Empty (the default) returns <c>region: null</c>.
    /// </summary>
    public string Region { get; set; } = "";

    /// <summary>
    /// The public address of this deployment as identity providers reach it, e.g. <c>https://scim.us.example.com</c> (a
    /// path of a reverse proxy included, without <see cref="PathBase"/>, which is appended). The administration API
    /// builds each organization's <c>scimBaseUrl</c>, <c>entraTenantUrl</c> and <c>oktaBaseUrl</c> from it. Empty (the
    /// default) derives it from each request's scheme, host and path base, which is right only when the administration
    /// API is called at the address identity providers use. Anything but an absolute <c>http</c> or <c>https</c> URL with
    /// a host and without user information, query or fragment stops the server at start (<see cref="ScimOptionsValidation"/>).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// On a first start with no organization, create one with a <c>scim</c> key and print the key (default false; true only
    /// in <c>appsettings.Development.json</c>, so <c>dotnet run</c> prints a working token and a deployment never does).
    /// </summary>
    public bool CreateFirstOrganization { get; set; }

    /// <summary>The name of the organization created on first start.</summary>
    public string FirstOrganizationName { get; set; } = "Development";

    /// <summary>
    /// Seconds a valid API key is trusted without looking it up again (default 5; 0 looks it up on every request).
    /// A key revoked with <c>keys revoke</c> or by another server instance stops working within this time; one revoked
    /// through this instance's administration API stops at once.
    /// </summary>
    public int ApiKeyCacheSeconds { get; set; } = 5;

    /// <summary>
    /// How long a graceful stop (SIGTERM, Ctrl+C) waits for requests in flight before it aborts them (default 10 seconds,
    /// e.g. <c>00:00:10</c>): the host's <c>HostOptions.ShutdownTimeout</c>, after which they are aborted. Must be positive.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many large request bodies are read at once (<c>Scim:RequestBodies</c>).</summary>
    public RequestBodyOptions RequestBodies { get; set; } = new();

    /// <summary>The organization owner's page (<c>Scim:Manage</c>).</summary>
    public Manage.ManageOptions Manage { get; set; } = new();

    /// <summary>The OpenAPI documents and Swagger UI (<c>Scim:OpenApi</c>).</summary>
    public OpenApiOptions OpenApi { get; set; } = new();

    /// <summary>Which reverse proxies are trusted with <c>X-Forwarded-*</c> headers (<c>Scim:ForwardedHeaders</c>).</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>How API keys' use is recorded (<c>Scim:ApiKeys</c>).</summary>
    public ApiKeyOptions ApiKeys { get; set; } = new();

    /// <summary>The limits of one <c>POST /Bulk</c> request (<c>Scim:Bulk:MaxOperations</c>, <c>Scim:Bulk:MaxPayloadSize</c>).</summary>
    public BulkLimits Bulk { get; set; } = new();

    /// <summary>How many requests an organization, and a client with refused tokens, may send (<c>Scim:RateLimits</c>).</summary>
    public Limits.RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>How lists are paged (<c>Scim:Pagination</c>): the cursor timeout.</summary>
    public PaginationOptions Pagination { get; set; } = new();

    /// <summary>Which database the server keeps the directory in (<c>Scim:Database</c>).</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>How users are written (<c>Scim:Users</c>).</summary>
    public UserOptions Users { get; set; } = new();

    /// <summary>How long the provisioning journal keeps its rows (<c>Scim:Journal</c>).</summary>
    public JournalOptions Journal { get; set; } = new();

    /// <summary>How a deleted organization's rows are erased (<c>Scim:Erasure</c>): batch size and pause.</summary>
    public ErasureOptions Erasure { get; set; } = new();
}

/// <summary>
/// The <c>Scim:RequestBodies</c> section. Bodies are parsed as they arrive, never held whole; bodies over 64 KiB (or sent
/// without <c>Content-Length</c>) take one of <see cref="MaxConcurrentLarge"/> slots while they are read.
/// </summary>
public sealed class RequestBodyOptions
{
    /// <summary>How many bodies over 64 KiB are read at once, server-wide (default 4; at least 1).</summary>
    public int MaxConcurrentLarge { get; set; } = 4;

    /// <summary>
    /// How long a body over 64 KiB waits for a slot (default 5 seconds, <c>00:00:05</c>; zero or more) before it is
    /// answered 503 with <c>Retry-After</c>.
    /// </summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The largest request body, in bytes (default 30,000,000, Kestrel's own default; at least 1,024): Kestrel's
    /// <c>MaxRequestBodySize</c>, which ASP.NET Core does not read from configuration itself. A longer body is answered
    /// 413 with a SCIM error naming the limit, whether its <c>Content-Length</c> says so or it arrives chunked.
    /// <c>POST /Bulk</c> has its own, <c>Scim:Bulk:MaxPayloadSize</c>.
    /// </summary>
    public long MaxSize { get; set; } = 30_000_000;
}

/// <summary>The <c>Scim:OpenApi</c> section.</summary>
public sealed class OpenApiOptions
{
    /// <summary>
    /// Serve the OpenAPI documents (<c>/swagger/v1/swagger.json</c>, <c>/swagger/admin/swagger.json</c>) and Swagger UI
    /// (<c>/swagger</c>). Unset (the default): served in the Development environment only, so a deployment does not describe
    /// its administration API to anyone who asks.
    /// </summary>
    public bool? Enabled { get; set; }
}

/// <summary>
/// The <c>Scim:ForwardedHeaders</c> section: the reverse proxies (TLS terminators) whose <c>X-Forwarded-For</c>,
/// <c>X-Forwarded-Proto</c>, <c>X-Forwarded-Host</c> and <c>X-Forwarded-Prefix</c> the server believes, so that
/// <c>Location</c>, <c>meta.location</c> and <c>$ref</c> carry the public address. Requests from any other address keep
/// their own scheme, host and path; with both lists empty (the default) no forwarded header is ever honoured. An entry
/// that is no IP address (proxies) or CIDR network (networks) stops the server at start, naming it.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>IP addresses of trusted proxies, e.g. <c>127.0.0.1</c> or <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/8</c> or <c>fd00::/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>The <c>Scim:ApiKeys</c> section.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>
    /// How often the server writes when each API key was last used (default one minute, e.g. <c>00:01:00</c>). Uses are
    /// noted in memory, at most once a minute per key, and written together, so no request waits for a write; a listing
    /// shows a use within this interval, and a crash loses at most this interval's uses. Must be positive.
    /// </summary>
    public TimeSpan LastUsedFlushInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The <c>Scim:Admin</c> section, read through <c>IOptionsMonitor</c>: a change of appsettings.json (or another reloading
/// configuration source) takes effect without a restart.
/// </summary>
public sealed class AdminOptions
{
    /// <summary>
    /// The operator credentials of the administration API (<c>/admin</c>), as hashes of their secrets, never the secrets:
    /// each <c>sha256:</c> followed by the 64 hex digits of the SHA-256 of the secret's UTF-8 bytes (the command
    /// <c>operator secret</c> makes a secret and prints its entry). Several may be listed, so a new secret is added before
    /// the old one is removed. An entry of another form is ignored, with a warning in the log. Empty (the default): no
    /// operator, so no organization can be created or listed over HTTP.
    /// </summary>
    public List<string> OperatorKeys { get; set; } = [];
}

/// <summary>The <c>Scim:Users</c> section.</summary>
public sealed class UserOptions
{
    /// <summary>
    /// What happens to a <c>password</c> sent with POST, PUT or PATCH of a user (RFC 7643 §4.1.1; it is never returned):
    /// <c>ignore</c> (the default: dropped, never hashed or stored; users sign in through single sign-on), <c>hash</c>
    /// (stored as a PBKDF2-SHA256 hash of 100,000 iterations, about 40 ms of CPU per request that carries one) or
    /// <c>reject</c> (400 <c>invalidValue</c>; Okta sends a password with every create, so its creates then fail).
    /// Any other value stops the server at start-up, naming the setting.
    /// </summary>
    public string Password { get; set; } = "ignore";
}

/// <summary>The <c>Scim:Database</c> section; the connection string itself is <c>ConnectionStrings:Scim</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>
    /// <c>sqlite</c> (the default: one file, one machine) or <c>postgres</c> (several server instances on one
    /// PostgreSQL database).
    /// </summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// Apply pending schema migrations when the server starts (default true). Deployments that migrate as a separate
    /// step (<c>Scim.Api db migrate</c>) turn it off; the server then refuses to start on an out-of-date schema.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;
}
