namespace Scim.Protocol.Schemas;

/// <summary>Whether and how a client may modify an attribute (RFC 7643 §7 <c>mutability</c>).</summary>
public enum Mutability
{
    /// <summary>
    /// <c>readOnly</c>: set by the server only. Client values in a POST or PUT body are dropped (RFC 7644 §3.3, §3.5.1;
    /// a PUT's <c>id</c> must be the resource's own); a PATCH that would change the value is 400 <c>mutability</c>, one
    /// that repeats it is ignored (§3.5.2).
    /// </summary>
    ReadOnly,

    /// <summary><c>readWrite</c>: the client may set, replace and remove the value; the default (RFC 7643 §2.2).</summary>
    ReadWrite,

    /// <summary>
    /// <c>immutable</c>: may be set once, e.g. at creation, and not changed afterwards: a PATCH that would change an
    /// existing value is 400 <c>mutability</c> (RFC 7644 §3.5.2).
    /// </summary>
    Immutable,

    /// <summary><c>writeOnly</c>: may be set but is never returned, e.g. <c>password</c>.</summary>
    WriteOnly,
}
