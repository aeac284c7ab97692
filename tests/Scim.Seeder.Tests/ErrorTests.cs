using Scim.Seeder.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Seeder.Tests;

/// <summary>What the user did wrong, in one line on standard error, and a non-zero exit code.</summary>
public sealed class ErrorTests : IDisposable
{
    private readonly ScimApiFactory factory = new();

    [Fact]
    public async Task An_unknown_organization_is_one_line_and_exit_code_1()
    {
        await factory.CreateOrganizationAsync("Known");

        var run = await SeederRunner.RunAsync(null, "--connection", factory.ConnectionString, "--org", "Unknown Inc", "--users", "10");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: organization \"Unknown Inc\" not found", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_file_is_not_created()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scim-missing-{Guid.NewGuid():N}.db");

        var run = await SeederRunner.RunAsync(null, "--connection", $"Data Source={path}", "--users", "10");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: cannot open the database", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_database_without_the_schema_says_how_to_create_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scim-empty-{Guid.NewGuid():N}.db");
        await File.WriteAllBytesAsync(path, []);
        try
        {
            var run = await SeederRunner.RunAsync(null, "--connection", $"Data Source={path}", "--users", "10");

            Assert.Equal(1, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            Assert.Contains("does not have the server's current schema", line, StringComparison.Ordinal);
            Assert.Contains("orgs create", line, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--users", "abc")]
    [InlineData("--via", "xyz")]
    [InlineData("--bogus", "1")]
    public async Task Unparseable_arguments_are_exit_code_2_without_help(string option, string value)
    {
        var run = await SeederRunner.RunAsync(null, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.All(run.ErrorLines, line => Assert.StartsWith("error: ", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_connection_string_is_a_usage_error()
    {
        var run = await SeederRunner.RunAsync(null, "--connection", "Dta Sorce=scim.db", "--users", "10");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: bad --connection", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_one_line_and_exit_code_1()
    {
        var run = await SeederRunner.RunAsync(null, "--via", "api", "--base-url", "http://127.0.0.1:9/", "--token", "scim_x", "--users", "10");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: cannot reach the SCIM server at http://127.0.0.1:9/", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_is_one_line_and_exit_code_1()
    {
        var run = await SeederRunner.RunAsync(factory, "--via", "api", "--token", "scim_not-a-key", "--users", "10");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused the token (HTTP 401)", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    public void Dispose() => factory.Dispose();
}
