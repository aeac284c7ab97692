using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;

namespace Scim.Infrastructure.Data;

/// <summary>
/// A request's <see cref="ScimDbContext"/>, rented from the pool when the request first needs it, bound to the
/// request's organization, with its connection open for the whole request; returned to the pool once, when the
/// request's scope ends.
/// </summary>
internal sealed class ScimDbContextLease : IAsyncDisposable
{
    public ScimDbContextLease(IDbContextFactory<ScimDbContext> pool, OrganizationContext organization)
    {
        Context = pool.CreateDbContext();
        Context.Lease(organization);
        // One open connection instead of an open and close around each query (each open also registers EF Core's
        // and our SQL functions on it).
        Context.Database.OpenConnection();
    }

    /// <summary>The leased context.</summary>
    public ScimDbContext Context { get; }

    public ValueTask DisposeAsync() => Context.ReturnAsync();
}
