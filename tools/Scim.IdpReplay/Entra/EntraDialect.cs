namespace Scim.IdpReplay.Entra;

/// <summary>The PATCH dialect Entra uses: legacy (no flag) or SCIM-compliant (<c>aadOptscim062020</c> in the tenant URL).</summary>
internal enum EntraDialect
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

/// <summary>Which dialect each object of a set uses.</summary>
internal static class EntraDialects
{
    /// <summary>The dialect of the object at <paramref name="ordinal"/> (0-based) within its set.
    /// Ordinals 0 and 1 are always legacy and compliant, so both dialects appear whatever the mix.</summary>
    public static EntraDialect For(DialectMix mix, int ordinal) => ordinal switch
    {
        0 => EntraDialect.Legacy,
        1 => EntraDialect.Compliant,
        _ => mix switch
        {
            DialectMix.MostlyLegacy => ordinal % 4 == 3 ? EntraDialect.Compliant : EntraDialect.Legacy,
            DialectMix.MostlyCompliant => ordinal % 4 == 2 ? EntraDialect.Legacy : EntraDialect.Compliant,
            _ => ordinal % 2 == 0 ? EntraDialect.Legacy : EntraDialect.Compliant,
        },
    };
}
