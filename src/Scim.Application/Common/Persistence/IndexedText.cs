using Scim.Protocol;

namespace Scim.Application.Common.Persistence;

/// <summary>
/// The longest value an indexed attribute takes (userName, displayName, externalId, and the value of every
/// multi-valued attribute such as emails): each is a key of an index that makes it unique or filterable, and an index
/// key has a size limit (PostgreSQL's B-tree: about 2,700 bytes per key, 4 bytes per character at worst). The same
/// limit on every provider, so a resource one database accepts, the other does too.
/// </summary>
internal static class IndexedText
{
    /// <summary>Characters (UTF-16 code units) an indexed value may have.</summary>
    public const int MaxLength = 512;

    /// <summary>400 <c>invalidValue</c> naming the first of <paramref name="values"/> that is too long; null when none is.</summary>
    public static ScimError? Check(params (string Attribute, string? Value)[] values)
    {
        foreach (var (attribute, value) in values)
        {
            if (value is { Length: > MaxLength })
            {
                return ScimError.InvalidValue(
                    $"{attribute} is {value.Length} characters long; at most {MaxLength} are accepted, as it is indexed for lookups.");
            }
        }

        return null;
    }
}
