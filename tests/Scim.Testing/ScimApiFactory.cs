using System.Net.Http.Headers;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Scim.Api.Authentication;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;
using Scim.Infrastructure.Data;

namespace Scim.Testing;

/// <summary>
/// The real server over a real database of its own (one per factory, created on first use and deleted on dispose),
/// so tests run in parallel without sharing data: a SQLite file, or a PostgreSQL database when
/// <see cref="DefaultDatabase"/> says so. Organizations and keys are created through the same slices the admin
/// commands use. The server reads time from <see cref="Clock"/>, which a test moves on instead of waiting.
/// </summary>
public sealed class ScimApiFactory : WebApplicationFactory<Program>
{
    private readonly Lazy<(ScimTestDatabase Database, string ConnectionString)> database;
    private bool databaseDeleted;

    public ScimApiFactory() => database = new(CreateDatabase, LazyThreadSafetyMode.ExecutionAndPublication);

    // A server on a database another factory made (a class fixture may have one public constructor only).
    private ScimApiFactory((ScimTestDatabase Database, string ConnectionString) taken) => database = new(() => taken);

    /// <summary>
    /// A server on the database of <paramref name="first"/>, which passes it on: disposing that factory stops its server
    /// and keeps the database, which the new one deletes on its dispose. With the first one disposed, a restart.
    /// </summary>
    /// <param name="first">The factory whose database the new server runs on.</param>
    /// <param name="settings">The new server's <see cref="Settings"/>; those of <paramref name="first"/> when null.</param>
    public static ScimApiFactory RestartOf(ScimApiFactory first, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        var taken = first.database.Value;
        first.databaseDeleted = true;
        return new ScimApiFactory(taken) { Settings = settings ?? first.Settings };
    }

    /// <summary>
    /// The database the server of a factory runs on, read when the factory first needs its database: SQLite unless the
    /// test assembly chose PostgreSQL (the PostgreSQL builds of the HTTP test projects set it from a module initializer,
    /// so it is set before any test code runs).
    /// </summary>
    public static ScimTestDatabase DefaultDatabase { get; set; } = ScimTestDatabase.Sqlite;

    /// <summary>The database this factory's server runs on.</summary>
    public ScimTestDatabase Database => database.Value.Database;

    /// <summary>The connection string of this factory's database, for tools that open it directly.</summary>
    public string ConnectionString => database.Value.ConnectionString;

    /// <summary>
    /// The configuration that points a host at this factory's database (<c>ConnectionStrings:Scim</c> and
    /// <c>Scim:Database:Provider</c>): the server's, and that of commands run beside it.
    /// </summary>
    public IReadOnlyDictionary<string, string?> DatabaseSettings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Scim"] = ConnectionString,
        ["Scim:Database:Provider"] = Database == ScimTestDatabase.Postgres ? "postgres" : "sqlite",
    };

    /// <summary>The SCIM path base the server is configured with ("" = host root).</summary>
    public string PathBase { get; init; } = "";

    /// <summary>Seconds the server trusts a valid key without a lookup (<c>Scim:ApiKeyCacheSeconds</c>); null = the default.</summary>
    public int? ApiKeyCacheSeconds { get; init; }

    /// <summary>How often the server writes the keys' last-used times (<c>Scim:ApiKeys:LastUsedFlushInterval</c>, by <see cref="Clock"/>); null = the default.</summary>
    public TimeSpan? LastUsedFlushInterval { get; init; }

    /// <summary>What the server does with users' passwords (<c>Scim:Users:Password</c>: ignore, hash, reject); null = the default.</summary>
    public string? PasswordHandling { get; init; }

    /// <summary>
    /// More server settings (configuration keys such as <c>Scim:Pagination:MarkStride</c>), applied after the others;
    /// <c>Scim:RateLimits:Enabled</c> is <c>false</c> unless they say otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Settings the test changes while the server runs (a reloading configuration source, applied last), e.g. the
    /// operator keys of the administration API.
    /// </summary>
    public ReloadableSettings LiveSettings { get; } = new();

    /// <summary>Interceptors added to the server's EF Core contexts, e.g. a <see cref="QueryPlanRecorder"/>; none by default.</summary>
    public IReadOnlyList<IInterceptor> Interceptors { get; init; } = [];

    /// <summary>Changes to the server's services after its own registrations, e.g. a decorator a test observes the server through.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>
    /// The server's clock (its <see cref="TimeProvider"/>): <c>meta.created</c>, <c>meta.lastModified</c> and the
    /// expiry of remembered API keys read it. It starts at the current time and every reading moves it on by a
    /// millisecond, so resources written one after another keep that order; <see cref="FakeTimeProvider.Advance"/>
    /// moves it further.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in DatabaseSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Scim:CreateFirstOrganization", "false");
        builder.UseSetting("Scim:PathBase", PathBase);
        if (ApiKeyCacheSeconds is { } seconds)
        {
            builder.UseSetting("Scim:ApiKeyCacheSeconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (LastUsedFlushInterval is { } interval)
        {
            builder.UseSetting("Scim:ApiKeys:LastUsedFlushInterval", interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (PasswordHandling is not null)
        {
            builder.UseSetting("Scim:Users:Password", PasswordHandling);
        }

        // Off unless a test's Settings turn them on: tests share a server, one client address and often one organization,
        // and send requests back to back, far above any limit a deployment would set.
        builder.UseSetting("Scim:RateLimits:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(configuration => configuration.Add(LiveSettings));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(Clock);
            if (Interceptors.Count > 0)
            {
                services.ConfigureDbContext<ScimDbContext>(options => options.AddInterceptors(Interceptors));
            }
            TestServices?.Invoke(services);
        });
    }

    /// <summary>
    /// Admits a new operator secret of the administration API (its hash in <c>Scim:Admin:OperatorKeys</c>, beside none
    /// other, taken up without a restart) and returns it.
    /// </summary>
    public string ConfigureOperator()
    {
        var secret = OperatorKeys.CreateSecret();
        LiveSettings.SetList("Scim:Admin:OperatorKeys", OperatorKeys.EntryOf(secret));
        return secret;
    }

    /// <summary>Creates an organization and a key with <paramref name="scopes"/>; returns the organization id and the token.</summary>
    public async Task<(Guid OrganizationId, string Token)> CreateOrganizationAsync(string name, ApiKeyScopes scopes = ApiKeyScopes.Scim)
    {
        await using var scope = Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var organization = await mediator.Send(new CreateOrganization.Command(name));
        var key = await mediator.Send(new CreateApiKey.Command(organization.Value!.Id.ToString(), "test", scopes));
        return (organization.Value.Id, key.Value!.Token);
    }

    /// <summary>Adds a key to an existing organization, expiring at <paramref name="expires"/> if given; returns the key's id and its token.</summary>
    public async Task<(Guid KeyId, string Token)> CreateApiKeyAsync(Guid organizationId, ApiKeyScopes scopes = ApiKeyScopes.Scim, DateTimeOffset? expires = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var key = await mediator.Send(new CreateApiKey.Command(organizationId.ToString(), "test", scopes, expires));
        return (key.Value!.Key.Id, key.Value.Token);
    }

    /// <summary>A key as the database holds it now, read through the slice <c>keys list</c> uses.</summary>
    public async Task<ApiKey> ReadApiKeyAsync(Guid organizationId, Guid keyId)
    {
        await using var scope = Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListApiKeys.Query(organizationId.ToString()));
        return Assert.Single(keys.Value!, k => k.Id == keyId);
    }

    /// <summary>Revokes a key through the same slice the admin command uses.</summary>
    public async Task RevokeApiKeyAsync(Guid keyId)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RevokeApiKey.Command(keyId));
        Assert.True(result.IsSuccess);
    }

    /// <summary>A client of a new organization with a <c>scim</c> key, addressed at the SCIM base URL.</summary>
    public async Task<HttpClient> CreateScimClientAsync(string? organization = null)
    {
        var (_, token) = await CreateOrganizationAsync(organization ?? $"org-{Guid.NewGuid():N}");
        return CreateClientWithToken(token);
    }

    /// <summary>A client sending <c>Authorization: Bearer <paramref name="token"/></c>.</summary>
    public HttpClient CreateClientWithToken(string? token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://localhost{PathBase}/") });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!database.IsValueCreated || databaseDeleted)
        {
            return;
        }

        var (kind, connectionString) = database.Value;
        if (kind == ScimTestDatabase.Postgres)
        {
            // Not from a finalizer: dropping takes the server, which may be gone by then.
            if (disposing)
            {
                Task.Run(() => PostgresServer.DropDatabaseAsync(connectionString)).GetAwaiter().GetResult();
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }

        databaseDeleted = true;
    }

    // PostgreSQL's is created from the server's migrated template, off the caller's thread: a test's synchronization
    // context must not wait for the continuations of this blocking wait.
    private static (ScimTestDatabase, string) CreateDatabase() => DefaultDatabase switch
    {
        ScimTestDatabase.Postgres => (ScimTestDatabase.Postgres, Task.Run(PostgresServer.CreateMigratedDatabaseAsync).GetAwaiter().GetResult()),
        _ => (ScimTestDatabase.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"scim-test-{Guid.NewGuid():N}.db")}"),
    };
}

/// <summary>The databases a <see cref="ScimApiFactory"/> can run its server on.</summary>
public enum ScimTestDatabase
{
    /// <summary>A SQLite file in the temporary folder.</summary>
    Sqlite,

    /// <summary>A database on <see cref="PostgresServer"/>.</summary>
    Postgres,
}
