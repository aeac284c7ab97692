namespace Scim.Protocol.Schemas;

/// <summary>The data type of an attribute (RFC 7643 §2.3, §7 <c>type</c>); rendered camelCase (<c>dateTime</c>).</summary>
public enum AttributeType
{
    /// <summary><c>string</c> (RFC 7643 §2.3.1): a JSON string; compared case-insensitively unless <c>caseExact</c>.</summary>
    String,

    /// <summary><c>boolean</c> (RFC 7643 §2.3.2): JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>decimal</c> (RFC 7643 §2.3.3): a JSON number that may have a fraction.</summary>
    Decimal,

    /// <summary><c>integer</c> (RFC 7643 §2.3.4): a JSON number without fraction or exponent.</summary>
    Integer,

    /// <summary><c>dateTime</c> (RFC 7643 §2.3.5): an xsd:dateTime string such as <c>2008-01-23T04:56:22Z</c>.</summary>
    DateTime,

    /// <summary><c>reference</c> (RFC 7643 §2.3.7): a URI string, e.g. a member's <c>$ref</c>; see <see cref="AttributeDefinition.ReferenceTypes"/>.</summary>
    Reference,

    /// <summary><c>complex</c> (RFC 7643 §2.3.8): a JSON object of the sub-attributes in <see cref="AttributeDefinition.SubAttributes"/>.</summary>
    Complex,

    /// <summary><c>binary</c> (RFC 7643 §2.3.6): base64-encoded bytes in a JSON string, e.g. <c>x509Certificates.value</c>.</summary>
    Binary,
}
