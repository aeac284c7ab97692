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
}
