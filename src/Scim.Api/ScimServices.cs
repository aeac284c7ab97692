using Mediator;
using Scim.Application.Common.Behaviors;
using Scim.Application.Features.Organizations;
using Scim.Application.Features.Users;
using Scim.Infrastructure;

namespace Scim.Api;

/// <summary>The services both the web server and the admin commands need: database, mediator, clock.</summary>
public static class ScimServices
{
    /// <summary>The default connection string: a SQLite file in the working directory.</summary>
    public const string DefaultConnectionString = "Data Source=scim.db";

    /// <summary>
    /// Registers the database (<c>ConnectionStrings:Scim</c>), the slices, <see cref="TimeProvider"/> and the
    /// <see cref="ApiKeyCache"/> (<see cref="ScimOptions.ApiKeyCacheSeconds"/>), whose entries expire by that
    /// <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddScimCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScimDatabase(configuration.GetConnectionString("Scim") ?? DefaultConnectionString);
        services.AddSingleton(TimeProvider.System);
        var options = configuration.GetSection("Scim").Get<ScimOptions>() ?? new ScimOptions();
        services.AddSingleton(sp => new ApiKeyCache(TimeSpan.FromSeconds(options.ApiKeyCacheSeconds), sp.GetRequiredService<TimeProvider>()));
        services.AddMediator((MediatorOptions options) =>
        {
            // Handlers take the scoped DbContext.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(CreateUser)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>)];
        });
        return services;
    }
}
