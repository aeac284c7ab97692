namespace Scim.Api.Manage;

/// <summary>
/// The organization owner's page (<c>Scim:Manage</c>): server-rendered HTML where an owner signs in with a key of the
/// <c>admin</c> scope (or the operator with its secret) to manage keys, connect an identity provider and watch
/// provisioning.
/// </summary>
public sealed class ManageOptions
{
    /// <summary>Whether the page is served (default true). A SaaS that builds the same screens on the administration API may turn it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where the page is served, outside the SCIM path base (default <c>/manage</c>): a path of one or more segments of
    /// letters, digits, <c>-</c> and <c>_</c>, not <c>/admin</c>, the health paths or the SCIM path base.
    /// </summary>
    public string Path { get; set; } = "/manage";

    /// <summary>
    /// How long a sign-in lasts without a request (default 30 minutes, e.g. <c>00:30:00</c>; from 1 minute to 12 hours):
    /// each request in its second half renews it, and a key revoked or expired ends it at the next request.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
