namespace Scim.EntraCycle;

/// <summary>The PATCH dialect Entra uses: legacy (no flag) or SCIM-compliant (<c>aadOptscim062020</c> in the tenant URL).</summary>
public enum EntraDialect
{
    /// <summary>Capitalised ops, <c>"False"</c> strings, <c>$ref:null</c> members, one op per attribute.</summary>
    Legacy,

    /// <summary>Lowercase ops, JSON booleans, path-less replace with dotted/URN keys, <c>members[value eq "id"]</c> removal.</summary>
    Compliant,
}

/// <summary>How users and groups are spread over the two dialects. Every mix exercises both dialects.</summary>
public enum DialectMix
{
    /// <summary>Every other object uses the other dialect.</summary>
    Alternate,

    /// <summary>Three out of four objects use the legacy dialect.</summary>
    MostlyLegacy,

    /// <summary>Three out of four objects use the compliant dialect.</summary>
    MostlyCompliant,
}

/// <summary>What one provisioning cycle creates and how it talks.</summary>
public sealed class EntraCycleOptions
{
    /// <summary>The smallest <see cref="UserCount"/>: the cycle gives users 1–9 fixed roles (managers, disable, delete).</summary>
    public const int MinimumUserCount = 10;

    /// <summary>The smallest <see cref="GroupCount"/>: one group per membership dialect.</summary>
    public const int MinimumGroupCount = 2;

    /// <summary>Number of users provisioned (default 50).</summary>
    public int UserCount { get; set; } = 50;

    /// <summary>Number of groups provisioned (default 5).</summary>
    public int GroupCount { get; set; } = 5;

    /// <summary>Part of every userName, displayName and externalId, so re-runs against one server do not collide.
    /// Lowercase letters, digits and '-' only (it ends up in e-mail addresses).</summary>
    public string RunId { get; set; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>How users and groups are spread over the two PATCH dialects.</summary>
    public DialectMix Dialect { get; set; } = DialectMix.Alternate;

    /// <summary>The dialect of the object at <paramref name="ordinal"/> (0-based) within its set.
    /// Ordinals 0 and 1 are always legacy and compliant, so both dialects appear whatever the mix.</summary>
    public EntraDialect DialectFor(int ordinal) => ordinal switch
    {
        0 => EntraDialect.Legacy,
        1 => EntraDialect.Compliant,
        _ => Dialect switch
        {
            DialectMix.MostlyLegacy => ordinal % 4 == 3 ? EntraDialect.Compliant : EntraDialect.Legacy,
            DialectMix.MostlyCompliant => ordinal % 4 == 2 ? EntraDialect.Legacy : EntraDialect.Compliant,
            _ => ordinal % 2 == 0 ? EntraDialect.Legacy : EntraDialect.Compliant,
        },
    };

    /// <summary>Throws when the options cannot drive a full cycle.</summary>
    public void Validate()
    {
        if (UserCount < MinimumUserCount)
        {
            throw new ArgumentOutOfRangeException(nameof(UserCount), UserCount, $"At least {MinimumUserCount} users are needed.");
        }

        if (GroupCount < MinimumGroupCount)
        {
            throw new ArgumentOutOfRangeException(nameof(GroupCount), GroupCount, $"At least {MinimumGroupCount} groups are needed.");
        }

        if (string.IsNullOrEmpty(RunId) || !RunId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new ArgumentException("RunId must be non-empty and use only a-z, 0-9 and '-'.", nameof(RunId));
        }
    }
}
