using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scim.Api.Tests.Bulk;
using Scim.Testing;

namespace Scim.Api.Tests.Observability;

/// <summary>Client text in the log is escaped and cut, a request writes a bounded amount of it, and each request writes one line.</summary>
public sealed class LogHardeningTests : IClassFixture<LogHardeningTests.Server>
{
    private readonly Server server;

    public LogHardeningTests(Server server) => this.server = server;

    /// <summary>A server whose log lines the tests read.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public CapturedLogs Logs { get; } = new();

        public ScimApiFactory Factory { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Factory = new ScimApiFactory { TestServices = services => services.AddSingleton<ILoggerProvider>(Logs) };
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    [Fact]
    public async Task UnknownAttributeWithNewline_IsLoggedEscaped()
    {
        var client = await server.Factory.CreateScimClientAsync();
        var marker = Guid.NewGuid().ToString("N");

        var response = await client.PostJsonAsync("Users", $$"""{"userName":"{{marker}}@example.com","x{{marker}}\nINFO forged line":"1"}""");

        await response.ReadScimAsync(HttpStatusCode.Created);
        var line = Assert.Single(server.Logs.Lines, l => l.Message.Contains(marker, StringComparison.Ordinal));
        Assert.Contains($"x{marker}\\u000AINFO forged line", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Logs.Lines, l => l.Message.Contains('\n', StringComparison.Ordinal) && l.Message.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManyLongUnknownAttributes_WriteAFewKilobytes()
    {
        var client = await server.Factory.CreateScimClientAsync();
        var marker = Guid.NewGuid().ToString("N");
        var attributes = string.Join(",", Enumerable.Range(0, 2_000).Select(i => $"\"{marker}{i}{new string('a', 1_000)}\":1"));

        var response = await client.PostJsonAsync("Users", $$"""{"userName":"{{marker}}@example.com",{{attributes}}}""");

        await response.ReadScimAsync(HttpStatusCode.Created);
        var line = Assert.Single(server.Logs.Lines, l => l.Message.Contains(marker, StringComparison.Ordinal));
        Assert.InRange(line.Message.Length, 1, 8_000);
        Assert.Contains("(1980 more)", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkOfUnknownAttributes_LogsAtMostTheRequestsBudget()
    {
        var client = await server.Factory.CreateScimClientAsync();
        var marker = Guid.NewGuid().ToString("N");
        var operations = string.Join(",", Enumerable.Range(0, 40).Select(i =>
            $$$"""{"method":"POST","path":"/Users","bulkId":"u{{{i}}}","data":{"userName":"{{{marker}}}-{{{i}}}@example.com","{{{marker}}}":1}}"""));

        await client.BulkOkAsync(operations);

        Assert.Equal(10, server.Logs.Lines.Count(l => l.Message.Contains(marker, StringComparison.Ordinal) && l.Category != "Scim.Requests"));
        Assert.Contains(
            await server.Logs.WaitAsync(all => all.Any(l => l.Category == "Scim.Requests" && l.Message.Contains("30 lines suppressed", StringComparison.Ordinal))),
            l => l.Category == "Scim.Requests" && l.Message.Contains("30 lines suppressed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachRequest_WritesOneRequestLineWithItsIdAndScimType()
    {
        var (organizationId, token) = await server.Factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = server.Factory.CreateClientWithToken(token);
        var requestId = $"req-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, "Users?filter=userName%20zz%20%22x%22");
        request.Headers.Add("X-Request-Id", requestId);

        var response = await client.SendAsync(request);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest);
        var lines = await server.Logs.WaitAsync(all => all.Any(l => l.Category == "Scim.Requests" && l.Message.Contains(requestId, StringComparison.Ordinal)));
        var line = Assert.Single(lines, l => l.Category == "Scim.Requests" && l.Message.Contains(requestId, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains("GET", line.Message, StringComparison.Ordinal);
        Assert.Contains(" 400 invalidFilter ", line.Message, StringComparison.Ordinal);
        Assert.Contains(organizationId.ToString(), line.Message, StringComparison.Ordinal);
        Assert.Contains(token[..12], line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("zz", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedTokens_AreLoggedOncePerAddressAndWindow_WithThePrefixOnly()
    {
        var token = "scim_" + Guid.NewGuid().ToString("N") + "0123456789a";
        var client = server.Factory.CreateClientWithToken(token);

        for (var i = 0; i < 5; i++)
        {
            await (await client.GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        }

        var lines = server.Logs.Lines.Where(l => l.Category == "Scim.Authentication" && l.Message.Contains(token[..12], StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.DoesNotContain(token[12..], line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Logs.Lines, l => l.Message.Contains(token[12..], StringComparison.Ordinal));
    }
}
