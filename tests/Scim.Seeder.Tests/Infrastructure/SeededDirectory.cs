using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Scim.Client;
using Scim.Infrastructure.Data;
using Scim.Infrastructure.Postgres;
using Scim.Seeder.Generation;
using Scim.Testing;
using Scim.Testing.Processes;

namespace Scim.Seeder.Tests.Infrastructure;

/// <summary>
/// One server on a database its own migrations created, with one organization seeded through <c>--via db</c>; the
/// provider-specific parts (which server, how to open its database, how a GUID is stored) are the subclasses'.
/// </summary>
public abstract class SeededDirectory : IAsyncLifetime
{
    public const int Users = 1_000;
    public const int Groups = 20;
    public const int Memberships = 3_000;
    public const int Seed = 11;

    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; } = "Seeded Corp";
    public string Token { get; private set; } = "";
    public SeederRun FirstRun { get; private set; } = null!;

    /// <summary>The seeded database's connection string, as the seeder is given it.</summary>
    public abstract string ConnectionString { get; }

    internal static SeedPlan Plan => new(Seed, Users, Groups, Memberships, "contoso.com");

    public string[] Args(string organization, int seed = Seed) =>
    [
        "--via", "db", "--connection", ConnectionString, "--org", organization,
        "--users", $"{Users}", "--groups", $"{Groups}", "--memberships", $"{Memberships}", "--seed", seed.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>Creates an organization with a <c>scim</c> key through the server's slices.</summary>
    public abstract Task<(Guid OrganizationId, string Token)> CreateOrganizationAsync(string name);

    /// <summary>An HTTP client of the server on the seeded database, sending the organization's token.</summary>
    public abstract HttpClient Http();

    /// <summary>The generated SCIM client over <see cref="Http"/>.</summary>
    public IScimClient Client() => new ScimClient(Http());

    /// <summary>A context of the server's model on the seeded database.</summary>
    public abstract Task<ScimDbContext> CreateContextAsync();

    public async Task InitializeAsync()
    {
        await StartAsync();
        (OrganizationId, Token) = await CreateOrganizationAsync(OrganizationName);
        FirstRun = await SeederRunner.RunAsync(null, Args(OrganizationName));
    }

    public abstract Task DisposeAsync();

    /// <summary>Rows of <paramref name="table"/> of the organization that meet <paramref name="condition"/> (SQL on quoted columns).</summary>
    public long Count(string table, Guid organizationId, string condition = "1 = 1") =>
        Convert.ToInt64(Query($"SELECT count(*) FROM \"{table}\" WHERE \"OrganizationId\" = @org AND {condition}", organizationId)[0][0], CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="sql"/> with <c>@org</c> = <paramref name="organizationId"/>; returns its rows.</summary>
    public List<object?[]> Query(string sql, Guid organizationId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@org";
        parameter.Value = Stored(organizationId);
        command.Parameters.Add(parameter);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        return rows;
    }

    /// <summary>Starts the server on a new database.</summary>
    protected abstract Task StartAsync();

    /// <summary>An open connection to the seeded database.</summary>
    protected abstract DbConnection Open();

    /// <summary>A GUID as the database stores it, for a parameter.</summary>
    protected abstract object Stored(Guid id);
}

/// <summary>The seeded directory on a SQLite file, the server in process.</summary>
public sealed class SqliteSeededDirectory : SeededDirectory, IDisposable
{
    private readonly ScimApiFactory factory = new();

    public override string ConnectionString => factory.ConnectionString;

    public override Task<(Guid OrganizationId, string Token)> CreateOrganizationAsync(string name) => factory.CreateOrganizationAsync(name);

    public override HttpClient Http() => factory.CreateClientWithToken(Token);

    public override Task<ScimDbContext> CreateContextAsync() =>
        factory.Services.GetRequiredService<IDbContextFactory<ScimDbContext>>().CreateDbContextAsync();

    public override Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => factory.Dispose();

    protected override Task StartAsync() => Task.CompletedTask;

    protected override DbConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>EF Core's GUIDs on SQLite: upper-case text.</summary>
    protected override object Stored(Guid id) => id.ToString().ToUpperInvariant();
}

/// <summary>The seeded directory on a PostgreSQL database, the server a process of its own (<see cref="ScimServer"/>).</summary>
public sealed class PostgresSeededDirectory : SeededDirectory
{
    private readonly ServiceCollection services = new();
    private string? connectionString;
    private ScimServer? server;
    private ServiceProvider? model;

    public override string ConnectionString => connectionString ?? throw new InvalidOperationException("Not started.");

    public override async Task<(Guid OrganizationId, string Token)> CreateOrganizationAsync(string name)
    {
        // Created organization 'NAME' (ID).
        var created = (await AdminCli.PostgresAsync(ConnectionString, migrateOnStart: true, "orgs", "create", name)).EnsureSuccess();
        var id = Guid.Parse(created[(created.LastIndexOf('(') + 1)..created.LastIndexOf(')')]);
        // The token is the last line.
        var key = (await AdminCli.PostgresAsync(ConnectionString, migrateOnStart: true, "keys", "create", "--org", id.ToString(), "--name", "test")).EnsureSuccess();
        return (id, key.Trim().Split('\n')[^1].Trim());
    }

    public override HttpClient Http() => new(new ScimBearerTokenHandler(Token) { InnerHandler = new HttpClientHandler() })
    {
        BaseAddress = server?.BaseAddress ?? throw new InvalidOperationException("Not started."),
    };

    public override Task<ScimDbContext> CreateContextAsync() =>
        model!.GetRequiredService<IDbContextFactory<ScimDbContext>>().CreateDbContextAsync();

    public override async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (model is not null)
        {
            await model.DisposeAsync();
        }

        if (connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    protected override async Task StartAsync()
    {
        connectionString = await PostgresServer.CreateDatabaseAsync();
        // Out of process: the server's compiled queries bind to the first model that runs them, and this test process
        // also runs servers on SQLite.
        server = await ScimServer.StartAsync(connectionString, new Dictionary<string, string> { ["Scim__CreateFirstOrganization"] = "false" });
        model = PostgresDatabase.Add(services, connectionString).BuildServiceProvider();
    }

    protected override DbConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    protected override object Stored(Guid id) => id;
}
