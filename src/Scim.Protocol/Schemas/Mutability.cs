namespace Scim.Protocol.Schemas;

/// <summary>Whether and how a client may modify an attribute (RFC 7643 §7 <c>mutability</c>).</summary>
public enum Mutability
{
    /// <summary><c>readOnly</c>: set by the server only; client values in a body are dropped and a PATCH on it is 400 <c>mutability</c>.</summary>
    ReadOnly,

    /// <summary><c>readWrite</c>: the client may set, replace and remove the value; the default (RFC 7643 §2.2).</summary>
    ReadWrite,

    /// <summary><c>immutable</c>: may be set once, e.g. at creation, and not changed afterwards.</summary>
    Immutable,

    /// <summary><c>writeOnly</c>: may be set but is never returned, e.g. <c>password</c>.</summary>
    WriteOnly,
}
