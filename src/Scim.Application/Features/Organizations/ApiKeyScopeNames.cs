using Scim.Domain.Organizations;

namespace Scim.Application.Features.Organizations;

/// <summary>Converts <see cref="ApiKeyScopes"/> to and from the words <c>scim</c>, <c>read</c>, <c>write</c>, <c>admin</c>.</summary>
public static class ApiKeyScopeNames
{
    /// <summary>Parses words such as <c>scim,read</c> or <c>scim read</c>; null when a word is unknown.</summary>
    public static ApiKeyScopes? Parse(IEnumerable<string> words)
    {
        var scopes = ApiKeyScopes.None;
        foreach (var word in words.SelectMany(w => w.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!Enum.TryParse<ApiKeyScopes>(word, ignoreCase: true, out var scope) || scope == ApiKeyScopes.None)
            {
                return null;
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
