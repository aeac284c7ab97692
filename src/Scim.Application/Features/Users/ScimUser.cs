using System.Text.Json.Serialization;
using Scim.Application.Common.Resources;
using Scim.Application.Common.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>The wire form of a SCIM User (RFC 7643 §4.1) with the enterprise extension (§4.3) under its URN.</summary>
public sealed class ScimUser
{
    public List<string> Schemas { get; set; } = [];
    public string? Id { get; set; }
    public string? ExternalId { get; set; }
    public string? UserName { get; set; }
    public ScimName? Name { get; set; }
    public string? DisplayName { get; set; }
    public string? NickName { get; set; }
    public string? ProfileUrl { get; set; }
    public string? Title { get; set; }
    public string? UserType { get; set; }
    public string? PreferredLanguage { get; set; }
    public string? Locale { get; set; }
    public string? Timezone { get; set; }
    public bool? Active { get; set; }

    /// <summary>Write-only (RFC 7643 §4.1.1): accepted, stored hashed, never returned.</summary>
    public string? Password { get; set; }

    public List<ScimMultiValue>? Emails { get; set; }
    public List<ScimMultiValue>? PhoneNumbers { get; set; }
    public List<ScimMultiValue>? Ims { get; set; }
    public List<ScimMultiValue>? Photos { get; set; }
    public List<ScimAddress>? Addresses { get; set; }

    /// <summary>Read-only: the groups the user is a direct member of.</summary>
    public List<ScimGroupReference>? Groups { get; set; }

    public List<ScimMultiValue>? Entitlements { get; set; }
    public List<ScimMultiValue>? Roles { get; set; }
    public List<ScimMultiValue>? X509Certificates { get; set; }

    [JsonPropertyName(ScimSchemaUris.EnterpriseUser)]
    public ScimEnterpriseUser? EnterpriseUser { get; set; }

    public ScimMeta? Meta { get; set; }
}

/// <summary>The <c>name</c> complex attribute (RFC 7643 §4.1.1).</summary>
public sealed class ScimName
{
    public string? Formatted { get; set; }
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? MiddleName { get; set; }
    public string? HonorificPrefix { get; set; }
    public string? HonorificSuffix { get; set; }
}

/// <summary>An element of emails, phoneNumbers, ims, photos, entitlements, roles or x509Certificates (RFC 7643 §4.1.2).</summary>
public sealed class ScimMultiValue
{
    public string? Value { get; set; }
    public string? Display { get; set; }
    public string? Type { get; set; }
    public bool? Primary { get; set; }
}

/// <summary>An element of addresses (RFC 7643 §4.1.2).</summary>
public sealed class ScimAddress
{
    public string? Formatted { get; set; }
    public string? StreetAddress { get; set; }
    public string? Locality { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public string? Type { get; set; }
    public bool? Primary { get; set; }
}

/// <summary>An element of the read-only <c>groups</c> attribute (RFC 7643 §4.1.2).</summary>
public sealed class ScimGroupReference
{
    public string? Value { get; set; }

    [JsonPropertyName("$ref")]
    public string? Ref { get; set; }

    public string? Display { get; set; }
    public string? Type { get; set; }
}

/// <summary>The enterprise extension (RFC 7643 §4.3).</summary>
public sealed class ScimEnterpriseUser
{
    public string? EmployeeNumber { get; set; }
    public string? CostCenter { get; set; }
    public string? Organization { get; set; }
    public string? Division { get; set; }
    public string? Department { get; set; }
    public ScimManager? Manager { get; set; }
}

/// <summary>The enterprise <c>manager</c>: <c>value</c> is the manager's SCIM id.</summary>
public sealed class ScimManager
{
    public string? Value { get; set; }

    [JsonPropertyName("$ref")]
    public string? Ref { get; set; }

    /// <summary>Read-only: the manager's displayName.</summary>
    public string? DisplayName { get; set; }
}
