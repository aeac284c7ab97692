namespace Scim.Protocol.Schemas;

/// <summary>How the service provider enforces uniqueness of an attribute value (RFC 7643 §7 <c>uniqueness</c>).</summary>
public enum Uniqueness
{
    /// <summary><c>none</c>: values need not be unique; the default (RFC 7643 §2.2).</summary>
    None,

    /// <summary><c>server</c>: unique within the service provider; here, within one tenant organization. A clash is 409 <c>uniqueness</c>.</summary>
    Server,

    /// <summary><c>global</c>: unique across all service providers, e.g. a globally registered identifier.</summary>
    Global,
}
