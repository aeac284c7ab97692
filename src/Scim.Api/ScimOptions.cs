using Scim.Application.Features.Bulk;

namespace Scim.Api;

/// <summary>Server settings, bound from the <c>Scim</c> configuration section (appsettings.json or <c>Scim__PathBase</c>-style environment variables).</summary>
public sealed class ScimOptions
{
    /// <summary>
    /// Where SCIM is served below the host, e.g. <c>/scim/v2</c>; empty (the default) serves it at the host root,
    /// so the Entra tenant URL is just <c>https://scim.example.com/</c>.
    /// </summary>
    public string PathBase { get; set; } = "";

    /// <summary>On a first start with no organization, create one with a <c>scim</c> key and print the key (default true).</summary>
    public bool CreateFirstOrganization { get; set; } = true;

    /// <summary>The name of the organization created on first start.</summary>
    public string FirstOrganizationName { get; set; } = "Development";

    /// <summary>
    /// Seconds a valid API key is trusted without looking it up again (default 5; 0 looks it up on every request).
    /// A key revoked with <c>keys revoke</c> while the server runs stops working within this time.
    /// </summary>
    public int ApiKeyCacheSeconds { get; set; } = 5;

    /// <summary>The limits of one <c>POST /Bulk</c> request (<c>Scim:Bulk:MaxOperations</c>, <c>Scim:Bulk:MaxPayloadSize</c>).</summary>
    public BulkLimits Bulk { get; set; } = new();

    /// <summary>Which database the server keeps the directory in (<c>Scim:Database</c>).</summary>
    public DatabaseOptions Database { get; set; } = new();
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
