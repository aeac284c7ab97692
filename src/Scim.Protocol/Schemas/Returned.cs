namespace Scim.Protocol.Schemas;

/// <summary>When an attribute is returned in a response (RFC 7643 §7 <c>returned</c>).</summary>
public enum Returned
{
    /// <summary><c>always</c>: returned whatever <c>attributes</c> or <c>excludedAttributes</c> say, e.g. <c>id</c>.</summary>
    Always,

    /// <summary><c>never</c>: never returned, e.g. <c>password</c>.</summary>
    Never,

    /// <summary><c>default</c>: returned unless <c>attributes</c> leaves it out or <c>excludedAttributes</c> names it; the default (RFC 7643 §2.2).</summary>
    Default,

    /// <summary><c>request</c>: returned only when <c>attributes</c> names it.</summary>
    Request,
}
