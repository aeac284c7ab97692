using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scim.Infrastructure.Data;
using Scim.Testing;

namespace Scim.Api.Tests.Observability;

/// <summary><c>/health/live</c>, <c>/health/ready</c> and <c>/health</c>: outside the SCIM path base, without authentication.</summary>
public sealed class HealthTests
{
    [Theory]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    [InlineData("health")]
    public async Task Health_AnswersWithoutAKey_OutsideThePathBase(string path)
    {
        await using var factory = new ScimApiFactory { PathBase = "/scim/v2" };
        var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_Is503WhenAMigrationIsPending_AndLiveStays200()
    {
        await using var factory = new ScimApiFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/ready")).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
            var last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {last}""");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);
    }

    // PostgreSQL: a cluster of the test's own, stopped under the server. SQLite: the folder of the file removed.
    [Fact]
    public async Task Ready_Is503WhenTheDatabaseCannotBeReached_AndLiveStays200()
    {
        if (ScimApiFactory.DefaultDatabase == ScimTestDatabase.Postgres)
        {
            using var cluster = ThrowawayPostgresCluster.Start();
            await AssertReadinessFollowsAsync(cluster.ConnectionString, cluster.Dispose);
            return;
        }

        var folder = Directory.CreateTempSubdirectory("scim-health-").FullName;
        try
        {
            await AssertReadinessFollowsAsync($"Data Source={Path.Combine(folder, "scim.db")}", () => Directory.Delete(folder, recursive: true));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    // Ready and live are 200 on a working database; once takeAway has run, ready (and /health) are 503 and live still 200.
    private static async Task AssertReadinessFollowsAsync(string connectionString, Action takeAway)
    {
        await using var factory = new ScimApiFactory { Settings = new Dictionary<string, string> { ["ConnectionStrings:Scim"] = connectionString } };
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/ready")).StatusCode);

        takeAway();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("health")).StatusCode);
        var live = await client.GetAsync("health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }
}
