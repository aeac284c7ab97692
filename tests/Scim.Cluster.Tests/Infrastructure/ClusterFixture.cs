using System.Text.RegularExpressions;
using Scim.Testing;
using Scim.Testing.Processes;

namespace Scim.Cluster.Tests.Infrastructure;

/// <summary>
/// Two server processes on one PostgreSQL database that does not exist yet, started at the same moment with the
/// defaults of a first start (each creates and migrates the database if needed and makes the first organization if
/// there is none), and keeping a valid API key for <see cref="ApiKeyCacheSeconds"/>. Tests make an organization of
/// their own each.
/// </summary>
public sealed partial class ClusterFixture : IAsyncLifetime
{
    /// <summary>How long each server trusts a valid key without looking it up again (<c>Scim__ApiKeyCacheSeconds</c>).</summary>
    public const int ApiKeyCacheSeconds = 1;

    private readonly List<ScimServer> servers = [];

    /// <summary>The shared database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The first server.</summary>
    internal ScimServer A => servers[0];

    /// <summary>The second server.</summary>
    internal ScimServer B => servers[1];

    public async Task InitializeAsync()
    {
        // Not created here: creating it is part of the first start both servers race through.
        ConnectionString = Sql.MissingDatabase();
        var environment = new Dictionary<string, string>
        {
            ["Scim__ApiKeyCacheSeconds"] = $"{ApiKeyCacheSeconds}",
            // Off by default outside Development: the race of two first starts is what these servers test.
            ["Scim__CreateFirstOrganization"] = "true",
            // The server that applies the migrations says so; the other must not.
            ["Logging__LogLevel__Scim.Infrastructure.Postgres"] = "Information",
        };
        var starting = new[] { ScimServer.StartAsync(ConnectionString, environment), ScimServer.StartAsync(ConnectionString, environment) };
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            // Kept whichever way it went, so DisposeAsync stops a server that started beside one that did not.
            servers.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }

        if (ConnectionString.Length > 0)
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
        }
    }

    /// <summary>Runs an admin command (<c>orgs create</c>, <c>keys create</c>, ...) against the shared database.</summary>
    public Task<ProcessResult> AdminAsync(params string[] args) => AdminCli.PostgresAsync(ConnectionString, migrateOnStart: true, args);

    /// <summary>Creates an organization with a <c>scim</c> key through the admin commands; returns the key's id and token.</summary>
    public async Task<(string KeyId, string Token)> CreateOrganizationAsync(string name)
    {
        var organization = await AdminAsync("orgs", "create", name);
        Assert.True(organization.ExitCode == 0, organization.ToString());
        var key = await AdminAsync("keys", "create", "--org", name, "--scopes", "scim");
        Assert.True(key.ExitCode == 0, key.ToString());
        return (KeyIdPattern().Match(key.Output).Groups[1].Value, TokenPattern().Match(key.Output).Value);
    }

    [GeneratedRegex("scim_[A-Za-z0-9_-]{43}")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("Created API key ([0-9a-f-]{36})")]
    private static partial Regex KeyIdPattern();
}
