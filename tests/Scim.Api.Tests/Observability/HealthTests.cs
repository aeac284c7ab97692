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
}
