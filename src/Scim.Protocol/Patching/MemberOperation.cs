using Scim.Filtering.Ast;

namespace Scim.Protocol.Patching;

/// <summary>
/// A change to an attribute stored outside the resource JSON (group <c>members</c>, which may number 100,000+),
/// produced by <see cref="PatchEngine"/> in request order for the caller to apply to its store.
/// </summary>
internal abstract record MemberOperation;

/// <summary><c>add</c> on <c>members</c>: add each member; re-adding a member is a no-op (RFC 7644 §3.5.2.1).</summary>
internal sealed record AddMembers(IReadOnlyList<MemberValue> Members) : MemberOperation;

/// <summary>
/// <c>remove</c> of listed members, from Entra's <c>{"op":"Remove","path":"members","value":[{"value":"id"}]}</c> or from
/// <c>members[value eq "id"]</c> (or an <c>or</c>-chain of those). Ids that are not members are a no-op.
/// </summary>
internal sealed record RemoveMembers(IReadOnlyList<string> Ids) : MemberOperation;

/// <summary><c>remove</c> with any other bracket filter on <c>members</c>, e.g. <c>members[type eq "Group"]</c>; paths in <see cref="Filter"/> are relative to a member.</summary>
internal sealed record RemoveMembersWhere(FilterNode Filter) : MemberOperation;

/// <summary><c>replace</c> on <c>members</c>: the group's members become exactly these (empty list empties the group).</summary>
internal sealed record ReplaceMembers(IReadOnlyList<MemberValue> Members) : MemberOperation;

/// <summary><c>remove</c> on <c>members</c> with neither filter nor value: the group is emptied.</summary>
internal sealed record ClearMembers : MemberOperation;
