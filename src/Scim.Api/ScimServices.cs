using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scim.Api.Http;
using Scim.Api.Journal;
using Scim.Application.Common;
using Scim.Application.Common.Behaviors;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Limits;
using Scim.Application.Common.Resources;
using Scim.Application.Features;
using Scim.Application.Features.Journal;
using Scim.Application.Features.Organizations;
using Scim.Application.Features.Organizations.Erasure;
using Scim.Application.Features.Users;
using Scim.Infrastructure.Data;
using Scim.Infrastructure.Postgres;
using Scim.Infrastructure.Sqlite;

namespace Scim.Api;

/// <summary>The services both the web server and the admin commands need: database, mediator, clock.</summary>
public static class ScimServices
{
    /// <summary>The default connection string: a SQLite file in the working directory.</summary>
    public const string DefaultConnectionString = "Data Source=scim.db";

    /// <summary>
    /// Registers the database (<c>Scim:Database:Provider</c> with <c>ConnectionStrings:Scim</c>), the slices, the bulk limits
    /// (<c>Scim:Bulk</c>), <see cref="TimeProvider"/>, the
    /// <see cref="ApiKeyCache"/> (<see cref="ScimOptions.ApiKeyCacheSeconds"/>), whose entries expire by that
    /// <see cref="TimeProvider"/>, the in-memory record of keys' use (<see cref="ApiKeyUsage"/>), the request's
    /// <see cref="AuthenticatedApiKey"/>, the handling of users' passwords (<see cref="UserOptions.Password"/>) and the
    /// provisioning journal (<c>Scim:Journal</c>): its recorder, the writer of failed requests' rows and the pruning; and the
    /// erasure of deleted organizations (<c>Scim:Erasure</c>).
    /// </summary>
    /// <exception cref="InvalidSettingException">A setting has a value the server does not know; the message names the setting.</exception>
    public static IServiceCollection AddScimCore(this IServiceCollection services, IConfiguration configuration)
    {
        ResourceCatalogues.Validate();
        var options = configuration.GetSection("Scim").Get<ScimOptions>() ?? new ScimOptions();
        var connectionString = configuration.GetConnectionString("Scim");
        _ = options.Database.Provider.ToLowerInvariant() switch
        {
            "sqlite" => SqliteDatabase.Add(services, connectionString ?? DefaultConnectionString),
            "postgres" or "postgresql" => PostgresDatabase.Add(services, connectionString is { Length: > 0 } && !connectionString.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
                ? connectionString
                : throw new InvalidSettingException(
                    "Scim:Database:Provider is 'postgres' but ConnectionStrings:Scim is not a PostgreSQL connection string; set it, e.g. "
                    + "ConnectionStrings__Scim=\"Host=db.internal;Database=scim;Username=scim;Password=...\".")),
            var other => throw new InvalidSettingException($"Scim:Database:Provider '{other}' is not known; use 'sqlite' (the default) or 'postgres'."),
        };
        var password = options.Users.Password;
        services.AddSingleton(new UserPasswords(password.ToLowerInvariant() switch
        {
            "ignore" => PasswordHandling.Ignore,
            "hash" => PasswordHandling.Hash,
            "reject" => PasswordHandling.Reject,
            _ => throw new InvalidSettingException(
                $"Scim:Users:Password '{password}' is not known; use 'ignore' (the default: passwords are dropped, users sign in through single sign-on), 'hash' or 'reject'."),
        }));
        services.AddSingleton(options.Bulk switch
        {
            { MaxOperations: < 1 or > ScimRequestBody.MaxArrayLength } => throw new InvalidSettingException(
                $"Scim:Bulk:MaxOperations '{options.Bulk.MaxOperations}' is not between 1 and {ScimRequestBody.MaxArrayLength:N0} (no JSON array of a request may hold more); set such as 1000."),
            { MaxPayloadSize: < 1 } => throw new InvalidSettingException(
                $"Scim:Bulk:MaxPayloadSize '{options.Bulk.MaxPayloadSize}' is less than 1; set the largest bulk body in bytes, such as 1048576."),
            var bulk => bulk,
        });
        services.AddSingleton(options.Pagination switch
        {
            { CursorTimeout: < 1 } => throw new InvalidSettingException(
                $"Scim:Pagination:CursorTimeout '{options.Pagination.CursorTimeout}' is less than 1; set the seconds a cursor keeps working, such as 3600."),
            { MarkStride: < 1 } => throw new InvalidSettingException(
                $"Scim:Pagination:MarkStride '{options.Pagination.MarkStride}' is less than 1; set the resources between two marks, such as 4096."),
            var pagination => pagination,
        });
        services.AddScoped<ListCursors>();
        // The web host replaces the gate with one of Scim:RateLimits (AddScimRateLimits); other hosts do no expensive work.
        services.TryAddSingleton(new ExpensiveWorkGate(ExpensiveWorkLimits.Off));
        services.AddScoped<ExpensiveWork>();
        services.AddSingleton<CreationOrderMarks>();
        services.AddSingleton(options.Journal.Validated());
        services.AddHttpContextAccessor();
        services.AddScoped<IRequestOrigin, HttpRequestOrigin>();
        services.AddScoped<JournalRecorder>();
        services.AddSingleton<JournalFailures>();
        services.AddHostedService<JournalFailureWriter>();
        services.AddHostedService<JournalRetention>();
        services.AddSingleton(options.Erasure.Validated());
        services.AddSingleton<PendingErasures>();
        services.AddHostedService<OrganizationErasureService>();
        // Cursor keys live in the database, so every instance reads the cursors another issued.
        services.AddDataProtection().SetApplicationName("Scim.VerticalSlice").PersistKeysToDbContext<ScimDbContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ApiKeyCache(TimeSpan.FromSeconds(options.ApiKeyCacheSeconds), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ApiKeyUsage>();
        services.AddSingleton(sp => new OrganizationRateLimits(TimeSpan.FromSeconds(options.ApiKeyCacheSeconds), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<AuthenticatedApiKey>();
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
