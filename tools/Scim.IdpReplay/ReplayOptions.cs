using Scim.IdpReplay.Entra;

namespace Scim.IdpReplay;

/// <summary>The identity providers whose provisioning traffic the tool replays.</summary>
public enum IdentityProvider
{
    /// <summary>Microsoft Entra ID: Test Connection, match-then-create, PATCH in both dialects, managers, soft and hard delete.</summary>
    Entra,

    /// <summary>Okta: lookup then create, updates as GET then PUT, PATCH active, import pages, Group Push.</summary>
    Okta,

    /// <summary>JumpCloud: a test user and group created and deleted, PATCH replace per attribute, repeated member adds.</summary>
    JumpCloud,
}

/// <summary>How many users and groups a provider's cycle provisions by default, and the fewest its fixed roles need.</summary>
/// <param name="DefaultUsers">Users when <see cref="ReplayOptions.UserCount"/> is not set.</param>
/// <param name="MinimumUsers">The fewest users the cycle's fixed roles (manager, deactivated, deleted, ...) need.</param>
/// <param name="DefaultGroups">Groups when <see cref="ReplayOptions.GroupCount"/> is not set.</param>
/// <param name="MinimumGroups">The fewest groups the cycle's fixed roles need.</param>
public sealed record ReplaySizes(int DefaultUsers, int MinimumUsers, int DefaultGroups, int MinimumGroups)
{
    /// <summary>The sizes of <paramref name="provider"/>'s cycle.</summary>
    public static ReplaySizes For(IdentityProvider provider) => provider switch
    {
        // Okta imports in pages of 100: 110 users make the import read two pages.
        IdentityProvider.Okta => new(110, 10, 3, 3),
        IdentityProvider.JumpCloud => new(20, 6, 3, 2),
        _ => new(50, 10, 5, 2),
    };
}

/// <summary>Which provider's cycle to replay, and how large.</summary>
public sealed class ReplayOptions
{
    /// <summary>The provider whose traffic is replayed (default <see cref="IdentityProvider.Entra"/>).</summary>
    public IdentityProvider IdentityProvider { get; set; } = IdentityProvider.Entra;

    /// <summary>Users to provision; null = the provider's default (<see cref="ReplaySizes"/>).</summary>
    public int? UserCount { get; set; }

    /// <summary>Groups to provision; null = the provider's default (<see cref="ReplaySizes"/>).</summary>
    public int? GroupCount { get; set; }

    /// <summary>Part of every userName, displayName and externalId, so re-runs against one server do not collide.
    /// Lowercase letters, digits and '-' only (it ends up in e-mail addresses).</summary>
    public string RunId { get; set; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// False (the default): the cycle stops at the first wrong answer, the one that explains the rest. True: it goes on
    /// and records every failed check (steps that depend on a failed one are skipped).
    /// </summary>
    public bool KeepGoing { get; set; }

    /// <summary>Entra only: how users and groups are spread over its two PATCH dialects.</summary>
    public DialectMix Dialect { get; set; } = DialectMix.Alternate;

    /// <summary>The sizes of the chosen provider's cycle.</summary>
    public ReplaySizes Sizes => ReplaySizes.For(IdentityProvider);

    /// <summary>The number of users the cycle provisions.</summary>
    public int Users => UserCount ?? Sizes.DefaultUsers;

    /// <summary>The number of groups the cycle provisions.</summary>
    public int Groups => GroupCount ?? Sizes.DefaultGroups;

    /// <summary>Throws when the options cannot drive a full cycle.</summary>
    /// <exception cref="ArgumentException">Too few users or groups for the provider, or a run id with other characters.</exception>
    public void Validate()
    {
        if (Users < Sizes.MinimumUsers)
        {
            throw new ArgumentOutOfRangeException(nameof(UserCount), Users, $"The {IdentityProvider} cycle needs at least {Sizes.MinimumUsers} users.");
        }

        if (Groups < Sizes.MinimumGroups)
        {
            throw new ArgumentOutOfRangeException(nameof(GroupCount), Groups, $"The {IdentityProvider} cycle needs at least {Sizes.MinimumGroups} groups.");
        }

        if (string.IsNullOrEmpty(RunId) || !RunId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new ArgumentException("RunId must be non-empty and use only a-z, 0-9 and '-'.", nameof(RunId));
        }
    }
}
