using Scim.Filtering.Ast;

namespace Scim.Protocol.Patching;

/// <summary>
/// A change to an attribute stored outside the resource JSON (group <c>members</c>, which may number 100,000+),
/// produced by <see cref="PatchEngine"/> in request order for the caller to apply to its store (RFC 7644 §3.5.2).
/// </summary>
public abstract record MemberOperation;

/// <summary><c>add</c> on <c>members</c> (RFC 7644 §3.5.2.1): add each member; re-adding a member is a no-op.</summary>
/// <param name="Members">The members to add, in request order; never empty.</param>
public sealed record AddMembers(IReadOnlyList<MemberValue> Members) : MemberOperation;

/// <summary>
/// <c>remove</c> of listed members (RFC 7644 §3.5.2.2), from Microsoft Entra's
/// <c>{"op":"Remove","path":"members","value":[{"value":"id"}]}</c> or from <c>members[value eq "id"]</c> (or an
/// <c>or</c>-chain of those). Ids that are not members are a no-op.
/// </summary>
/// <param name="Ids">The member ids to remove, as sent.</param>
public sealed record RemoveMembers(IReadOnlyList<string> Ids) : MemberOperation;

/// <summary>
/// <c>remove</c> with any other bracket filter on <c>members</c> (RFC 7644 §3.5.2.2), e.g.
/// <c>members[type eq "Group"]</c>: every member the filter matches is removed.
/// </summary>
/// <param name="Filter">The filter; its paths are relative to a member (<c>value</c>, <c>type</c>, <c>display</c>); evaluate it with <see cref="ElementFilter.Matches"/>.</param>
public sealed record RemoveMembersWhere(FilterNode Filter) : MemberOperation;

/// <summary><c>replace</c> on <c>members</c> (RFC 7644 §3.5.2.3): the group's members become exactly these.</summary>
/// <param name="Members">The new members; an empty list empties the group.</param>
public sealed record ReplaceMembers(IReadOnlyList<MemberValue> Members) : MemberOperation;

/// <summary><c>remove</c> on <c>members</c> with neither filter nor value (RFC 7644 §3.5.2.2): the group is emptied.</summary>
public sealed record ClearMembers : MemberOperation;
