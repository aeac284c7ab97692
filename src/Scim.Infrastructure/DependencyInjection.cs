using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scim.Application.Common.Persistence;
using Scim.Infrastructure.Data;

namespace Scim.Infrastructure;

/// <summary>Registers what every provider shares: the EF Core model, the request's leased context, the organization scope.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds the pooled <see cref="ScimDbContext"/> configured by <paramref name="useProvider"/> (e.g. <c>UseSqlite</c>)
    /// and exposes it as <see cref="IScimDbContext"/>. The provider's own registration calls this.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="useProvider">Chooses and configures the EF Core provider.</param>
    /// <param name="holdConnection">
    /// True: a request's context opens its connection when the request first needs it and keeps it to the end (an
    /// embedded database, where opening is cheap local work that may be done on the request's thread). False: EF Core
    /// opens the connection asynchronously around each query and returns it to the pool at once (a database server:
    /// a request must neither block a thread while the pool finds it a connection nor keep one it is not using).
    /// </param>
    public static IServiceCollection AddScimDbContext(this IServiceCollection services, Action<DbContextOptionsBuilder> useProvider, bool holdConnection = true)
    {
        services.AddScoped<OrganizationContext>();
        // Pooled: a request rents a context that already has its model, services and options instead of building one.
        services.AddPooledDbContextFactory<ScimDbContext>(options =>
        {
            useProvider(options);
            // A taken name is an expected 409, not an error: keep EF Core's failure logs for it out of the error log.
            // Real database failures still reach the request's exception handler, which logs them.
            options.ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug)));
        });
        services.AddScoped(sp => new ScimDbContextLease(
            sp.GetRequiredService<IDbContextFactory<ScimDbContext>>(), sp.GetRequiredService<OrganizationContext>(), sp.GetRequiredService<UserGroupsReader>(),
            holdConnection));
        services.AddScoped(sp => sp.GetRequiredService<ScimDbContextLease>().Context);
        services.AddScoped<IScimDbContext>(sp => sp.GetRequiredService<ScimDbContext>());
        return services;
    }

    /// <summary>
    /// Applies pending migrations through the configured provider (<see cref="IScimDatabase.MigrateAsync"/>); returns
    /// the ids of those this call applied.
    /// </summary>
    public static Task<IReadOnlyList<string>> MigrateScimDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<IScimDatabase>().MigrateAsync(cancellationToken);
}
