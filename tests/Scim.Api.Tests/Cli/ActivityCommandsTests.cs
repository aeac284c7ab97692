using System.Net;
using Scim.Api.Tests.Admin;
using Scim.Testing;

namespace Scim.Api.Tests.Cli;

/// <summary><c>activity ORG</c> and <c>activity runs ORG</c>, run against the server's own database.</summary>
public sealed class ActivityCommandsTests : IAsyncLifetime, IDisposable
{
    private readonly ScimApiFactory factory = new();
    private readonly string name = $"org-{Guid.NewGuid():N}";
    private Guid organization;
    private string token = "";

    public async Task InitializeAsync()
    {
        (organization, token) = await factory.CreateOrganizationAsync(name);
        var scim = factory.CreateClientWithToken(token);
        await scim.CreateUserAsync("""{"userName":"ada@example.com"}""");
        await scim.CreateUserAsync("""{"userName":"grace@example.com"}""");
        await (await scim.PostJsonAsync("Users", """{"userName":"ada@example.com"}""")).AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        await scim.CreateUserAsync("""{"userName":"edsger@example.com"}""");
        await (await factory.CreateAdminClientAsync(organization)).WaitForActivityAsync(organization, 4);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Activity_ByName_PrintsRowsNewestFirst_Filtered()
    {
        var listed = await RunAsync("activity", name);

        Assert.Equal(0, listed.ExitCode);
        var lines = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("TIME (UTC)", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.Matches(@"committed +create +CreateUser .*userName", lines[1]);
        Assert.Matches("failed +create +CreateUser .* 409 uniqueness: ", lines[2]);

        var failed = await RunAsync("activity", organization.ToString(), "--outcome", "failed", "--count", "5");
        Assert.Equal(2, failed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("409 uniqueness", failed.Output, StringComparison.Ordinal);
        var one = await RunAsync("activity", name, "--count", "1");
        Assert.Contains("Older rows follow", one.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_PrintOneLinePerRunWithItsFailures()
    {
        var runs = await RunAsync("activity", "runs", name);

        Assert.Equal(0, runs.ExitCode);
        var lines = runs.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("START (UTC)", lines[0], StringComparison.Ordinal);
        var prefix = token[..12];
        Assert.Matches($"{prefix} .* +1 +1 +0 +0 +0 +0\\s*$", lines[1]);
        Assert.Matches($"{prefix} .* +3 +2 +0 +0 +0 +1\\s*$", lines[2]);
        Assert.Contains("1 failed: uniqueness (409)", lines[3], StringComparison.Ordinal);
        Assert.Matches("CreateUser .*409 uniqueness: ", lines[4]);

        var joined = await RunAsync("activity", "runs", name, "--gap", "PT1H");
        Assert.Matches($"{prefix} .* +4 +3 +0 +0 +0 +1\\s*$", joined.Output.Split('\n')[1]);
    }

    [Theory]
    [InlineData(2, "operation must be one of", "activity", "ORG", "--operation", "erase")]
    [InlineData(2, "since must be an ISO 8601 time", "activity", "ORG", "--since", "yesterday")]
    [InlineData(2, "gap must be an ISO 8601 duration", "activity", "runs", "ORG", "--gap", "10")]
    [InlineData(2, "count must be a whole number from 1 to 100", "activity", "runs", "ORG", "--count", "500")]
    [InlineData(1, "No organization has the id or name 'nowhere'", "activity", "nowhere")]
    public async Task Commands_BadInput_ExitNonZeroWithTheApisMessage(int exitCode, string message, params string[] args)
    {
        var result = await RunAsync([.. args.Select(a => a == "ORG" ? name : a)]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => factory.RunCommandAsync(args);
}
