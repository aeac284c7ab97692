namespace Scim.Protocol.Schemas;

/// <summary>How the service provider enforces uniqueness of an attribute value (RFC 7643 §7 <c>uniqueness</c>).</summary>
internal enum Uniqueness
{
    None,
    Server,
    Global,
}
