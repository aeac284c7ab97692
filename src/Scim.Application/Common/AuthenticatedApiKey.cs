using Scim.Domain.Organizations;

namespace Scim.Application.Common;

/// <summary>
/// The API key the current request authenticated with (scoped), set once by authentication beside
/// <see cref="Persistence.OrganizationContext"/>: which key made a change, for whatever records it. Outside an
/// authenticated request <see cref="Id"/> is <see cref="Guid.Empty"/> and the texts are empty.
/// </summary>
public sealed class AuthenticatedApiKey
{
    /// <summary>The key's id (as <c>keys list</c> shows it).</summary>
    public Guid Id { get; private set; }

    /// <summary>The first characters of the key's token (<see cref="ApiKey.Prefix"/>), safe to show and to log.</summary>
    public string Prefix { get; private set; } = "";

    /// <summary>The label its owner gave the key (<see cref="ApiKey.Name"/>).</summary>
    public string Name { get; private set; } = "";

    /// <summary>What the key may do.</summary>
    public ApiKeyScopes Scopes { get; private set; }

    /// <summary>Records <paramref name="key"/> as the request's key.</summary>
    public void Set(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Id = key.Id;
        Prefix = key.Prefix;
        Name = key.Name;
        Scopes = key.Scopes;
    }
}
