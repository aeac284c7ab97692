namespace Scim.Protocol.Schemas;

/// <summary>Whether and how a client may modify an attribute (RFC 7643 §7 <c>mutability</c>).</summary>
internal enum Mutability
{
    ReadOnly,
    ReadWrite,
    Immutable,
    WriteOnly,
}
