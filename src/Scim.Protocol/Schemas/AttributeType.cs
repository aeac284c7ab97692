namespace Scim.Protocol.Schemas;

/// <summary>The data type of an attribute (RFC 7643 §2.3, §7 <c>type</c>); rendered camelCase (<c>dateTime</c>).</summary>
internal enum AttributeType
{
    String,
    Boolean,
    Decimal,
    Integer,
    DateTime,
    Reference,
    Complex,
    Binary,
}
