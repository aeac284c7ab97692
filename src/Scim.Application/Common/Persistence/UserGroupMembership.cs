namespace Scim.Application.Common.Persistence;

/// <summary>One direct membership of a user, as its <c>groups</c> attribute lists it (RFC 7643 §4.1.2).</summary>
/// <param name="UserId">The member.</param>
/// <param name="GroupId">The group's id (<c>groups.value</c>).</param>
/// <param name="DisplayName">The group's displayName (<c>groups.display</c>).</param>
public readonly record struct UserGroupMembership(Guid UserId, Guid GroupId, string DisplayName);
