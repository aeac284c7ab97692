using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;

namespace Scim.Infrastructure.Data;

/// <summary>
/// A request's <see cref="ScimDbContext"/>, rented from the pool when the request first needs it and bound to the
/// request's organization; returned to the pool once, when the request's scope ends. When the provider asks for it,
/// the context's connection is opened here and stays open for the whole request.
/// </summary>
internal sealed class ScimDbContextLease : IAsyncDisposable, IDisposable
{
    public ScimDbContextLease(IDbContextFactory<ScimDbContext> pool, OrganizationContext organization, UserGroupsReader userGroups, bool holdConnection)
    {
        Context = pool.CreateDbContext();
        Context.Lease(organization, userGroups);
        if (holdConnection)
        {
            // One open connection instead of an open and close around each query (each open also registers EF Core's
            // and our SQL functions on it).
            Context.Database.OpenConnection();
        }
    }

    /// <summary>The leased context.</summary>
    public ScimDbContext Context { get; }

    public ValueTask DisposeAsync() => Context.ReturnAsync();

    /// <summary>Returns the context to the pool when the scope is disposed synchronously.</summary>
    public void Dispose() => Context.Return();
}
