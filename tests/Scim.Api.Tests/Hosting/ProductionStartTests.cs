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

    // One row per kind of mistake in each group of settings: out of range, unknown, not of the setting's type.
    [Theory]
    [InlineData("Scim__ShutdownTimeout", "00:00:00",
        "Scim:ShutdownTimeout '00:00:00' is not positive; set a time span such as 00:00:10.")]
    [InlineData("Scim__ShutdownTimeout", "soon",
        "Scim:ShutdownTimeout 'soon' is not a time span, such as 00:00:10; correct it or remove it to use the default (see the settings table in the README).")]
    [InlineData("Scim__ForwardedHeaders__KnownProxies__0", "proxy.internal",
        "Scim:ForwardedHeaders:KnownProxies has 'proxy.internal', which is not an IP address; list addresses such as 10.0.0.5.")]
    [InlineData("Scim__ForwardedHeaders__KnownNetworks__0", "10.0.0.0",
        "Scim:ForwardedHeaders:KnownNetworks has '10.0.0.0', which is not a network in CIDR notation; list networks such as 10.0.0.0/8.")]
    [InlineData("Scim__Database__Provider", "mysql",
        "Scim:Database:Provider 'mysql' is not known; use 'sqlite' (the default) or 'postgres'.")]
    [InlineData("Scim__Database__MigrateOnStart", "yes",
        "Scim:Database:MigrateOnStart 'yes' is not true or false; correct it or remove it to use the default (see the settings table in the README).")]
    [InlineData("Scim__OpenApi__Enabled", "maybe",
        "Scim:OpenApi:Enabled 'maybe' is not true or false; correct it or remove it to use the default (see the settings table in the README).")]
    [InlineData("Scim__Users__Password", "plain",
        "Scim:Users:Password 'plain' is not known; use 'ignore' (the default: passwords are dropped, users sign in through single sign-on), 'hash' or 'reject'.")]
    [InlineData("Scim__ApiKeyCacheSeconds", "-1",
        "Scim:ApiKeyCacheSeconds '-1' is negative; set the seconds a valid key is trusted without a lookup, such as 5, or 0 to look it up on every request.")]
    [InlineData("Scim__ApiKeys__LastUsedFlushInterval", "00:00:00",
        "Scim:ApiKeys:LastUsedFlushInterval '00:00:00' is not positive; set a time span such as 00:01:00.")]
    [InlineData("Scim__Bulk__MaxOperations", "many",
        "Scim:Bulk:MaxOperations 'many' is not a whole number; correct it or remove it to use the default (see the settings table in the README).")]
    [InlineData("Scim__Bulk__MaxOperations", "0",
        "Scim:Bulk:MaxOperations '0' is not between 1 and 10,000 (no JSON array of a request may hold more); set such as 1000.")]
    [InlineData("Scim__Bulk__MaxPayloadSize", "0",
        "Scim:Bulk:MaxPayloadSize '0' is less than 1; set the largest bulk body in bytes, such as 1048576.")]
    [InlineData("Scim__Pagination__CursorTimeout", "0",
        "Scim:Pagination:CursorTimeout '0' is less than 1; set the seconds a cursor keeps working, such as 3600.")]
    [InlineData("Scim__Pagination__MarkStride", "0",
        "Scim:Pagination:MarkStride '0' is less than 1; set the resources between two marks, such as 4096.")]
    [InlineData("Scim__Journal__RetentionDays", "0",
        "Scim:Journal:RetentionDays '0' is less than 1; set the days a row is kept, such as 90.")]
    [InlineData("Scim__Journal__PruneBatchSize", "200000",
        "Scim:Journal:PruneBatchSize '200000' is not between 1 and 100,000; set the most rows one statement deletes, such as 1000.")]
    [InlineData("Scim__Journal__PrunePauseMilliseconds", "-1",
        "Scim:Journal:PrunePauseMilliseconds '-1' is negative; set 0 or more, such as 20.")]
    [InlineData("Scim__Erasure__BatchSize", "0",
        "Scim:Erasure:BatchSize '0' is not between 1 and 100,000; set how many rows one batch deletes, such as 1000.")]
    [InlineData("Scim__Erasure__PauseMilliseconds", "-1",
        "Scim:Erasure:PauseMilliseconds '-1' is negative; set 0 or more, such as 20.")]
    [InlineData("Scim__RateLimits__RequestsPerSecond", "0",
        "Scim:RateLimits:RequestsPerSecond '0' is not from 1 to 100,000; set such as 100.")]
    [InlineData("Scim__RateLimits__Burst", "5",
        "Scim:RateLimits:Burst '5' is not from RequestsPerSecond (100) to 1,000,000; set such as twice RequestsPerSecond.")]
    [InlineData("Scim__RateLimits__BodyBytesPerRequest", "100",
        "Scim:RateLimits:BodyBytesPerRequest '100' is not from 1,024 to 1,048,576; set such as 4096.")]
    [InlineData("Scim__RateLimits__RefusedTokensPerMinute", "0",
        "Scim:RateLimits:RefusedTokensPerMinute '0' is less than 1; set such as 20 (or set Enabled to false).")]
    [InlineData("Scim__RateLimits__ListQuerySeconds", "0",
        "Scim:RateLimits:ListQuerySeconds '0' is not more than 0 and at most 86,400; set such as 5.")]
    [InlineData("Scim__RateLimits__ListQuerySeconds", "soon",
        "Scim:RateLimits:ListQuerySeconds 'soon' is not a number, such as 2.5; correct it or remove it to use the default (see the settings table in the README).")]
    [InlineData("Scim__Manage__Path", "/admin/owners",
        "Scim:Manage:Path '/admin/owners' overlaps the administration API (/admin), the health checks (/health), the OpenAPI documents (/swagger) or SCIM's paths; set a path such as /manage, or Scim:Manage:Enabled to false.")]
    [InlineData("Scim__Manage__Path", "/users",
        "Scim:Manage:Path '/users' overlaps the administration API (/admin), the health checks (/health), the OpenAPI documents (/swagger) or SCIM's paths; set a path such as /manage, or Scim:Manage:Enabled to false.")]
    [InlineData("Scim__Manage__Path", "manage page",
        "Scim:Manage:Path 'manage page' is not a path of segments of letters, digits, '-' and '_' starting with '/'; set a path such as /manage, or Scim:Manage:Enabled to false.")]
    [InlineData("Scim__Manage__SessionLifetime", "1.00:00:00",
        "Scim:Manage:SessionLifetime '1.00:00:00' is not from 1 minute to 12 hours; set a time span such as 00:30:00.")]
    [InlineData("Scim__RequestBodies__MaxConcurrentLarge", "0",
        "Scim:RequestBodies:MaxConcurrentLarge '0' is less than 1; set how many bodies over 64 KiB may be read at once, such as 4.")]
    [InlineData("Scim__RequestBodies__QueueTimeout", "-00:00:01",
        "Scim:RequestBodies:QueueTimeout '-00:00:01' is negative; set a time span such as 00:00:05.")]
    [InlineData("Scim__RequestBodies__MaxSize", "1000",
        "Scim:RequestBodies:MaxSize '1000' is less than 1024; set the largest request body in bytes, such as 30000000.")]
    [InlineData("Scim__RequestBodies__MaxSize", "-5",
        "Scim:RequestBodies:MaxSize '-5' is less than 1024; set the largest request body in bytes, such as 30000000.")]
    [InlineData("Scim__Logging__RequestLevel", "Loud",
        "Scim:Logging:RequestLevel 'Loud' is not a log level; use Trace, Debug, Information (the default), Warning, Error, Critical or None.")]
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
