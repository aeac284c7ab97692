using System.Text.Json.Serialization;
using Scim.Application.Common.Resources;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>The wire form of a SCIM User (RFC 7643 §4.1) with the enterprise extension (§4.3) under its URN.</summary>
public sealed class ScimUser
{
    /// <summary><c>schemas</c> (RFC 7643 §3): the core User URN and, when present, the enterprise extension URN.</summary>
    public List<string> Schemas { get; set; } = [];
    /// <summary>
    /// <c>id</c> (RFC 7643 §3.1): server-assigned, readOnly, a lower-case GUID string. Ignored in a POST; in a PUT or
    /// PATCH, a value other than the resource's own is 400 mutability.
    /// </summary>
    public string? Id { get; set; }
    /// <summary><c>externalId</c> (RFC 7643 §3.1): the client's identifier, case-exact.</summary>
    public string? ExternalId { get; set; }
    /// <summary><c>userName</c> (RFC 7643 §4.1.1): required, unique per organization, case-insensitive.</summary>
    public string? UserName { get; set; }
    /// <summary><c>name</c> (RFC 7643 §4.1.1): the user's name components.</summary>
    public ScimName? Name { get; set; }
    /// <summary><c>displayName</c> (RFC 7643 §4.1.1): the name to show.</summary>
    public string? DisplayName { get; set; }
    /// <summary><c>nickName</c> (RFC 7643 §4.1.1): the casual name.</summary>
    public string? NickName { get; set; }
    /// <summary><c>profileUrl</c> (RFC 7643 §4.1.1): a URI of the user's online profile.</summary>
    public string? ProfileUrl { get; set; }
    /// <summary><c>title</c> (RFC 7643 §4.1.1): the job title.</summary>
    public string? Title { get; set; }
    /// <summary><c>userType</c> (RFC 7643 §4.1.1), e.g. <c>Employee</c> or <c>Contractor</c>.</summary>
    public string? UserType { get; set; }
    /// <summary><c>preferredLanguage</c> (RFC 7643 §4.1.1): an HTTP Accept-Language value such as <c>en-US</c>.</summary>
    public string? PreferredLanguage { get; set; }
    /// <summary><c>locale</c> (RFC 7643 §4.1.1): a language tag such as <c>en-US</c>.</summary>
    public string? Locale { get; set; }
    /// <summary><c>timezone</c> (RFC 7643 §4.1.1): an IANA time zone name such as <c>America/Los_Angeles</c>.</summary>
    public string? Timezone { get; set; }
    /// <summary>
    /// <c>active</c> (RFC 7643 §4.1.1): false means deprovisioned. Absent from a create, it is true (the server's
    /// default). Removed by a PATCH, or left out of a PUT, it is unassigned (RFC 7643 §2.5): returned absent, matched by
    /// neither <c>active eq true</c> nor <c>active eq false</c>, and not active.
    /// </summary>
    public bool? Active { get; set; }

    /// <summary>Write-only (RFC 7643 §4.1.1): accepted, stored hashed, never returned.</summary>
    public string? Password { get; set; }

    /// <summary><c>emails</c> (RFC 7643 §4.1.2).</summary>
    public List<ScimMultiValue>? Emails { get; set; }
    /// <summary><c>phoneNumbers</c> (RFC 7643 §4.1.2).</summary>
    public List<ScimMultiValue>? PhoneNumbers { get; set; }
    /// <summary><c>ims</c> (RFC 7643 §4.1.2): instant-messaging addresses.</summary>
    public List<ScimMultiValue>? Ims { get; set; }
    /// <summary><c>photos</c> (RFC 7643 §4.1.2): image URIs.</summary>
    public List<ScimMultiValue>? Photos { get; set; }
    /// <summary><c>addresses</c> (RFC 7643 §4.1.2).</summary>
    public List<ScimAddress>? Addresses { get; set; }

    /// <summary>Read-only: the groups the user is a direct member of.</summary>
    public List<ScimGroupReference>? Groups { get; set; }

    /// <summary><c>entitlements</c> (RFC 7643 §4.1.2).</summary>
    public List<ScimMultiValue>? Entitlements { get; set; }
    /// <summary><c>roles</c> (RFC 7643 §4.1.2).</summary>
    public List<ScimMultiValue>? Roles { get; set; }
    /// <summary><c>x509Certificates</c> (RFC 7643 §4.1.2): base64 DER certificates.</summary>
    public List<ScimMultiValue>? X509Certificates { get; set; }

    /// <summary>The enterprise extension (RFC 7643 §4.3), under <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c>.</summary>
    [JsonPropertyName(ScimSchemaUris.EnterpriseUser)]
    public ScimEnterpriseUser? EnterpriseUser { get; set; }

    /// <summary><c>meta</c> (RFC 7643 §3.1); read-only.</summary>
    public ScimMeta? Meta { get; set; }
}

/// <summary>The <c>name</c> complex attribute (RFC 7643 §4.1.1).</summary>
public sealed class ScimName
{
    /// <summary><c>name.formatted</c>: the full name for display.</summary>
    public string? Formatted { get; set; }
    /// <summary><c>name.familyName</c>: the last name.</summary>
    public string? FamilyName { get; set; }
    /// <summary><c>name.givenName</c>: the first name.</summary>
    public string? GivenName { get; set; }
    /// <summary><c>name.middleName</c>.</summary>
    public string? MiddleName { get; set; }
    /// <summary><c>name.honorificPrefix</c>: titles before the name, such as <c>Ms.</c></summary>
    public string? HonorificPrefix { get; set; }
    /// <summary><c>name.honorificSuffix</c>: suffixes after the name, such as <c>III</c>.</summary>
    public string? HonorificSuffix { get; set; }
}

/// <summary>An element of emails, phoneNumbers, ims, photos, entitlements, roles or x509Certificates (RFC 7643 §4.1.2).</summary>
public sealed class ScimMultiValue
{
    /// <summary><c>value</c> (RFC 7643 §2.4): e.g. the email address or phone number.</summary>
    public string? Value { get; set; }
    /// <summary><c>display</c> (RFC 7643 §2.4): a human-readable name.</summary>
    public string? Display { get; set; }
    /// <summary><c>type</c> (RFC 7643 §2.4), e.g. <c>work</c>.</summary>
    public string? Type { get; set; }
    /// <summary><c>primary</c> (RFC 7643 §2.4): marks the preferred element; stored and returned as sent.</summary>
    public bool? Primary { get; set; }
}

/// <summary>An element of addresses (RFC 7643 §4.1.2).</summary>
public sealed class ScimAddress
{
    /// <summary><c>addresses.formatted</c>: the full mailing address.</summary>
    public string? Formatted { get; set; }
    /// <summary><c>addresses.streetAddress</c>.</summary>
    public string? StreetAddress { get; set; }
    /// <summary><c>addresses.locality</c>: city or locality.</summary>
    public string? Locality { get; set; }
    /// <summary><c>addresses.region</c>: state or region.</summary>
    public string? Region { get; set; }
    /// <summary><c>addresses.postalCode</c>.</summary>
    public string? PostalCode { get; set; }
    /// <summary><c>addresses.country</c>: ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; set; }
    /// <summary><c>addresses.type</c>, e.g. <c>work</c> or <c>home</c>.</summary>
    public string? Type { get; set; }
    /// <summary><c>addresses.primary</c>: echoed as sent.</summary>
    public bool? Primary { get; set; }
}

/// <summary>An element of the read-only <c>groups</c> attribute (RFC 7643 §4.1.2).</summary>
public sealed class ScimGroupReference
{
    /// <summary><c>groups.value</c>: the group's SCIM id (a GUID string).</summary>
    public string? Value { get; set; }

    /// <summary><c>groups.$ref</c>: the group's URL on this server (<c>{base}/Groups/{id}</c>, as its <c>meta.location</c>).</summary>
    [JsonPropertyName("$ref")]
    public string? Ref { get; set; }

    /// <summary><c>groups.display</c>: the group's displayName.</summary>
    public string? Display { get; set; }
    /// <summary><c>groups.type</c>: <c>direct</c> (only direct memberships are reported).</summary>
    public string? Type { get; set; }
}

/// <summary>The enterprise extension (RFC 7643 §4.3).</summary>
public sealed class ScimEnterpriseUser
{
    /// <summary><c>employeeNumber</c> (RFC 7643 §4.3).</summary>
    public string? EmployeeNumber { get; set; }
    /// <summary><c>costCenter</c> (RFC 7643 §4.3).</summary>
    public string? CostCenter { get; set; }
    /// <summary><c>organization</c> (RFC 7643 §4.3): the user's organization name, not the tenant.</summary>
    public string? Organization { get; set; }
    /// <summary><c>division</c> (RFC 7643 §4.3).</summary>
    public string? Division { get; set; }
    /// <summary><c>department</c> (RFC 7643 §4.3).</summary>
    public string? Department { get; set; }
    /// <summary><c>manager</c> (RFC 7643 §4.3): another user of the same organization.</summary>
    public ScimManager? Manager { get; set; }
}

/// <summary>The enterprise <c>manager</c>: <c>value</c> is the manager's SCIM id.</summary>
public sealed class ScimManager
{
    /// <summary><c>manager.value</c>: the manager's SCIM id (a GUID string, lower-case).</summary>
    public string? Value { get; set; }

    /// <summary>
    /// <c>manager.$ref</c>: the manager's URL on this server (<c>{base}/Users/{id}</c>, as its <c>meta.location</c>).
    /// Derived from <c>value</c> at every read; readOnly: the server identifies the manager by <c>value</c> and ignores a
    /// client's <c>$ref</c>.
    /// </summary>
    [JsonPropertyName("$ref")]
    public string? Ref { get; set; }

    /// <summary>Read-only: the manager's displayName.</summary>
    public string? DisplayName { get; set; }
}
