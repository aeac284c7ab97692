using Scim.Testing;

namespace Scim.Client.Tests.Infrastructure;

/// <summary>One server per test class; each test gets its own organization, so tests do not see each other's data.</summary>
public sealed class ScimClientFixture : IDisposable
{
    public ScimApiFactory Factory { get; } = new();

    /// <summary>
    /// A generated client for a new organization, authenticated the way a consumer would: through
    /// <see cref="ScimBearerTokenHandler"/>, followed by <paramref name="handlers"/>.
    /// </summary>
    public async Task<IScimClient> CreateClientAsync(params DelegatingHandler[] handlers)
    {
        var (_, token) = await Factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        return new ScimClient(Factory.CreateDefaultClient(new Uri("http://localhost/"), [new ScimBearerTokenHandler(token), .. handlers]));
    }

    /// <summary>A generated administration client sending <paramref name="token"/>, followed by <paramref name="handlers"/>.</summary>
    public IScimAdminClient CreateAdminClient(string token, params DelegatingHandler[] handlers) =>
        new ScimAdminClient(Factory.CreateDefaultClient(new Uri("http://localhost/"), [new ScimBearerTokenHandler(token), .. handlers]));

    /// <summary>A generated SCIM client sending <paramref name="token"/>.</summary>
    public IScimClient CreateClient(string token) =>
        new ScimClient(Factory.CreateDefaultClient(new Uri("http://localhost/"), new ScimBearerTokenHandler(token)));

    public void Dispose() => Factory.Dispose();
}
