namespace Scim.Protocol.Patching;

/// <summary>
/// One group member as sent in a body or PATCH value (RFC 7643 §4.2 <c>members</c>): <c>{"value":"id","type":"User"}</c>.
/// <c>display</c> and <c>$ref</c> are readOnly (derived from the id at every read), so they are not carried.
/// </summary>
/// <param name="Value">The member's resource id; non-empty. Existence is checked by the caller.</param>
/// <param name="Type">"User" or "Group" (any casing) when sent, else null; the caller checks it is the type of the resource <paramref name="Value"/> names.</param>
public sealed record MemberValue(string Value, string? Type);
