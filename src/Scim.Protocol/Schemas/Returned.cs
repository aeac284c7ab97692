namespace Scim.Protocol.Schemas;

/// <summary>When an attribute is returned in a response (RFC 7643 §7 <c>returned</c>).</summary>
internal enum Returned
{
    Always,
    Never,
    Default,
    Request,
}
