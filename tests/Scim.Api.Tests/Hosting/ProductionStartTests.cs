using System.Net;
using Microsoft.Data.Sqlite;
using Scim.Testing.Processes;

namespace Scim.Api.Tests.Hosting;

/// <summary>
/// The server binary started as a deployment starts it (environment Production, appsettings.json only) on a SQLite file:
/// it creates no organization, prints no token and serves no OpenAPI document; a database it cannot open stops it with
/// one line and a non-zero exit code.
/// </summary>
public sealed class ProductionStartTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Production_OnAnEmptyDatabase_CreatesNoOrganization_PrintsNoToken_ServesNoOpenApi()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scim-production-{Guid.NewGuid():N}.db");
        try
        {
            await using (var server = await ScimServer.StartAsync($"Data Source={path}", Sqlite))
            {
                using var client = new HttpClient { BaseAddress = server.BaseAddress };
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("swagger/v1/swagger.json")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("swagger/admin/swagger.json")).StatusCode);
                Assert.DoesNotContain("First start", server.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("scim_", server.Output, StringComparison.Ordinal);
            }

            await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM organizations";
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [Fact]
    public async Task Production_WithOpenApiEnabled_ServesTheDocument()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scim-production-{Guid.NewGuid():N}.db");
        try
        {
            await using var server = await ScimServer.StartAsync($"Data Source={path}", new Dictionary<string, string>(Sqlite) { ["Scim__OpenApi__Enabled"] = "true" });
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("swagger/v1/swagger.json")).StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [Fact]
    public async Task SqliteDatabase_InAMissingFolder_StopsTheStart_WithOneLine()
    {
        await using var server = ScimServer.Launch("Data Source=/no/such/dir/scim.db", Sqlite);

        Assert.Equal(1, await server.WaitForExitAsync(ExitTimeout));
        Assert.Equal(
            "The folder '/no/such/dir' of the SQLite database in ConnectionStrings:Scim ('/no/such/dir/scim.db') does not exist; "
            + "create it, writable by the server's user, or point Data Source at another file.",
            server.Output.Trim());
    }

    [Theory]
    [InlineData("Scim__ShutdownTimeout", "00:00:00", "Scim:ShutdownTimeout '00:00:00' is not positive; set a time span such as 00:00:10.")]
    [InlineData("Scim__ForwardedHeaders__KnownProxies__0", "proxy.internal",
        "Scim:ForwardedHeaders:KnownProxies has 'proxy.internal', which is not an IP address; list addresses such as 10.0.0.5.")]
    [InlineData("Scim__ForwardedHeaders__KnownNetworks__0", "10.0.0.0",
        "Scim:ForwardedHeaders:KnownNetworks has '10.0.0.0', which is not a network in CIDR notation; list networks such as 10.0.0.0/8.")]
    [InlineData("Scim__RateLimits__ExpensiveConcurrency", "0",
        "Scim:RateLimits:ExpensiveConcurrency '0' is not from 1 to 10,000; set how many expensive requests one organization may run at once, such as 4, "
        + "or leave it out for half the processor count.")]
    [InlineData("Scim__RateLimits__ExpensiveQueueSeconds", "0",
        "Scim:RateLimits:ExpensiveQueueSeconds '0' is not more than 0 and at most 3,600; set how long an expensive request may wait for its organization's permit, such as 5.")]
    public async Task InvalidSetting_StopsTheStart_WithOneLineNamingIt(string name, string value, string line)
    {
        var path = Path.Combine(Path.GetTempPath(), $"scim-production-{Guid.NewGuid():N}.db");
        await using var server = ScimServer.Launch($"Data Source={path}", new Dictionary<string, string>(Sqlite) { [name] = value });

        Assert.Equal(1, await server.WaitForExitAsync(ExitTimeout));
        Assert.Equal(line, server.Output.Trim());
        Assert.False(File.Exists(path), "The server touched the database before it checked its settings.");
    }

    private static Dictionary<string, string> Sqlite => new() { ["Scim__Database__Provider"] = "sqlite" };
}
