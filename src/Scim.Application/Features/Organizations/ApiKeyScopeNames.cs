using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>Converts <see cref="ApiKeyScopes"/> to and from the names <c>scim</c>, <c>read</c>, <c>write</c>, <c>admin</c>.</summary>
public static class ApiKeyScopeNames
{
    // Each scope by its name, and nothing else: Enum.TryParse would also take numbers ("15", "-1") and store bits that
    // are no scope.
    private static readonly Dictionary<string, ApiKeyScopes> ByName = Enum.GetValues<ApiKeyScopes>()
        .Where(s => s != ApiKeyScopes.None)
        .ToDictionary(s => s.ToString().ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The scopes named by <paramref name="names"/>, one name per element, case-insensitive (no names: <see cref="ApiKeyScopes.None"/>);
    /// otherwise 400 <c>invalidValue</c>: "<paramref name="field"/> holds '15', which is not a scope: use scim, read, write or
    /// admin (case-insensitive)<paramref name="example"/>."
    /// </summary>
    /// <param name="names">The names, e.g. a JSON array's elements; a null element is refused like an unknown name.</param>
    /// <param name="field">What the names were given as, for the error: <c>'scopes'</c>, <c>--scopes</c>.</param>
    /// <param name="example">The end of the error's sentence, showing how to give several, e.g. <c>, one per element: ["read", "write"]</c>.</param>
    public static Result<ApiKeyScopes> Parse(IEnumerable<string?> names, string field, string example = "")
    {
        ArgumentNullException.ThrowIfNull(names);
        var scopes = ApiKeyScopes.None;
        foreach (var name in names)
        {
            if (name is null || !ByName.TryGetValue(name, out var scope))
            {
                return ScimError.InvalidValue(
                    $"{field} holds {(name is null ? "null" : $"'{name}'")}, which is not a scope: use scim, read, write or admin (case-insensitive){example}.");
            }

            scopes |= scope;
        }

        return scopes;
    }

    /// <summary>The scopes as lower-case words separated by spaces, e.g. <c>scim read</c>; one scope gives its word alone.</summary>
    public static string Format(ApiKeyScopes scopes) =>
        string.Join(' ', Enum.GetValues<ApiKeyScopes>()
            .Where(s => s != ApiKeyScopes.None && scopes.HasFlag(s))
            .Select(s => s.ToString().ToLowerInvariant()));

    /// <summary>A key as a person tells it apart, never with its secret: <c>API key 'entra' (scim_AbCdEfG…), scopes scim</c>.</summary>
    public static string Describe(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"API key '{key.Name}' ({key.Prefix}…), scopes {Format(key.Scopes)}";
    }
}
