namespace Scim.Protocol.Patching;

/// <summary>One group member as sent in a PATCH value (RFC 7643 §4.2 <c>members</c>): <c>{"value":"id","type":"User","display":"..."}</c>.</summary>
/// <param name="Value">The member's resource id; non-empty. Existence is checked by the caller.</param>
/// <param name="Type">"User" or "Group" when sent, else null.</param>
/// <param name="Display">The display name when sent, else null.</param>
public sealed record MemberValue(string Value, string? Type, string? Display);
