namespace Scim.Domain.Journal;

/// <summary>
/// One row of the provisioning journal (table <c>journal</c>): a committed change of a user or group, written in the
/// transaction of the change itself, or a request that failed with a SCIM error (<see cref="Status"/> set), written
/// after it. It names what changed, never a value: attribute names, not their contents, and never a request body.
/// </summary>
public sealed class JournalEntry
{
    /// <summary>
    /// The row's position, assigned by the database when the row is inserted, with gaps (a rolled-back change leaves its
    /// number unused): within an organization, a change is numbered after every change that committed before it began and
    /// after every earlier change of the same resource, and a reader never finds a number below one it has passed.
    /// </summary>
    public long Sequence { get; init; }

    /// <summary>The organization whose directory changed, or whose request failed.</summary>
    public Guid OrganizationId { get; init; }

    /// <summary>When the server handled the request (UTC).</summary>
    public DateTime TimeUtc { get; init; }

    /// <summary>What the change did; for a failed request, what the request asked for (null for a read or a search).</summary>
    public JournalOperation? Operation { get; init; }

    /// <summary>The operation's slice, e.g. <c>PatchUser</c> (the OpenAPI operation id); null when no endpoint matched.</summary>
    public string? Slice { get; init; }

    /// <summary>The resource type changed (or aimed at), when there is one.</summary>
    public JournalResourceType? ResourceType { get; init; }

    /// <summary>The SCIM <c>id</c> of the resource changed (or aimed at), when known.</summary>
    public Guid? ResourceId { get; init; }

    /// <summary>
    /// The resource's version after the change (its <c>meta.version</c> and ETag); null for a deletion and for a failed
    /// request.
    /// </summary>
    public long? Version { get; set; }

    /// <summary>
    /// The names of the attributes the change set, changed or cleared, comma-separated in schema order of first
    /// appearance (<c>active,emails</c>; an extension's attributes with their schema URN); null when there are none
    /// (a deletion, a failed request).
    /// </summary>
    public string? Attributes { get; init; }

    /// <summary>Which provisioning client's dialect the request was in (by its query and User-Agent).</summary>
    public RequestDialect Dialect { get; init; }

    /// <summary>
    /// The id of the API key the request authenticated with (the identity provider connection, or the organization's
    /// <c>admin</c> key); null for the operator and for the command line.
    /// </summary>
    public Guid? KeyId { get; init; }

    /// <summary>
    /// The first characters of that key's token, as <c>keys list</c> shows them; for the operator, the start of the
    /// configured hash its secret matched (<c>sha256:1a2b3c4d</c>), which tells operator secrets apart.
    /// </summary>
    public string? KeyPrefix { get; init; }

    /// <summary>That key's name (its label, e.g. <c>entra-provisioning</c>); <c>operator</c> for the operator credential.</summary>
    public string? KeyLabel { get; init; }

    /// <summary>The request's id: its <c>X-Request-Id</c> header when it has one, otherwise the server's trace identifier.</summary>
    public string? RequestId { get; init; }

    /// <summary>The HTTP status of a failed request (4xx); null for a committed change.</summary>
    public int? Status { get; init; }

    /// <summary>The failed request's SCIM <c>scimType</c> (RFC 7644 §3.12), when its error has one.</summary>
    public string? ScimType { get; init; }

    /// <summary>
    /// The failed request's SCIM <c>detail</c>, shortened and with control characters escaped; for an administration
    /// change (<see cref="JournalResourceType.Organization"/>, <see cref="JournalResourceType.ApiKey"/>), what it was
    /// about: the organization's name, or the key's label, prefix and scopes (never its secret or hash).
    /// </summary>
    public string? Detail { get; init; }
}

/// <summary>What a journaled change did to its resource.</summary>
public enum JournalOperation
{
    /// <summary>POST: the resource was created.</summary>
    Create = 0,

    /// <summary>PUT: the resource was replaced.</summary>
    Replace = 1,

    /// <summary>PATCH of attributes (with or without members).</summary>
    Patch = 2,

    /// <summary>DELETE: the resource was removed.</summary>
    Delete = 3,

    /// <summary>A group PATCH that only added members.</summary>
    AddMembers = 4,

    /// <summary>A group PATCH that only removed members.</summary>
    RemoveMembers = 5,

    /// <summary>A user PATCH or PUT that set <c>active</c> to false (deprovisioning).</summary>
    Deactivate = 6,

    /// <summary>An API key was revoked: it stays listed and gets 401 from then on.</summary>
    Revoke = 7,

    /// <summary>An organization was given another name.</summary>
    Rename = 8,
}

/// <summary>The resource types the journal records (RFC 7643 §4).</summary>
public enum JournalResourceType
{
    /// <summary>A User (RFC 7643 §4.1).</summary>
    User = 0,

    /// <summary>A Group (RFC 7643 §4.2).</summary>
    Group = 1,

    /// <summary>The organization itself (the administration API: created, renamed).</summary>
    Organization = 2,

    /// <summary>One of the organization's API keys (the administration API: created, revoked).</summary>
    ApiKey = 3,
}

/// <summary>Which provisioning client a request came from, as far as its query and User-Agent tell.</summary>
public enum RequestDialect
{
    /// <summary>None of the others.</summary>
    Other = 0,

    /// <summary>Microsoft Entra ID without the <c>aadOptscim062020</c> flag (its legacy PATCH shapes).</summary>
    EntraLegacy = 1,

    /// <summary>Microsoft Entra ID with <c>aadOptscim062020</c> in the tenant URL (RFC-compliant PATCH).</summary>
    EntraAadOptscim062020 = 2,

    /// <summary>Okta (<c>User-Agent: Okta SCIM Client</c>).</summary>
    Okta = 3,
}
