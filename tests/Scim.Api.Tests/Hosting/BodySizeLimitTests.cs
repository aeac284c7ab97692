using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scim.Testing;

namespace Scim.Api.Tests.Hosting;

/// <summary>
/// A request body over the server's limit (<c>Scim:RequestBodies:MaxSize</c>, here 200,000 bytes) is answered 413 with a
/// SCIM error naming the limit, whether its <c>Content-Length</c> says so up front or it arrives chunked and passes the limit
/// on the way; the connection is not reset, nothing is created, and the server's log holds no error for it (Kestrel drains
/// or drops what the client still sends).
/// </summary>
public sealed class BodySizeLimitTests
{
    private const int Limit = 200_000;

    [Fact]
    public async Task ABodyOverTheLimit_WithContentLength_Is413WithAScimError()
    {
        var logs = new CapturedLogs();
        using var factory = Factory(logs);
        var (client, body) = await StartAsync(factory);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");

        using var answer = await client.PostAsync("Users", content);

        await AssertTooLargeAsync(answer);
        await AssertNoUserAsync(client);
        Assert.Empty(await KestrelScimServer.StopAndReadErrorsAsync(factory, logs));
    }

    [Fact]
    public async Task ABodyOverTheLimit_SentChunked_Is413WithAScimError()
    {
        var logs = new CapturedLogs();
        using var factory = Factory(logs);
        var (client, body) = await StartAsync(factory);
        using var content = new ChunkedContent(body);

        using var answer = await client.PostAsync("Users", content);

        Assert.Null(answer.RequestMessage?.Content?.Headers.ContentLength);
        await AssertTooLargeAsync(answer);
        await AssertNoUserAsync(client);
        Assert.Empty(await KestrelScimServer.StopAndReadErrorsAsync(factory, logs));
    }

    private static ScimApiFactory Factory(CapturedLogs logs) => new()
    {
        Settings = new Dictionary<string, string> { ["Scim:RequestBodies:MaxSize"] = $"{Limit}" },
        TestServices = services => services.AddSingleton<ILoggerProvider>(logs),
    };

    // The server on Kestrel, a client, and a valid user a little over the limit.
    private static async Task<(HttpClient Client, byte[] Body)> StartAsync(ScimApiFactory factory)
    {
        var address = KestrelScimServer.Start(factory);
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["userName"] = "too-large",
            ["x-unknown"] = new JsonArray([.. Enumerable.Range(0, 5).Select(_ => (JsonNode)new string('a', Limit / 4))]),
        }.ToJsonString());
        Assert.True(body.Length > Limit);
        return (KestrelScimServer.Client(address, token), body);
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("application/scim+json", answer.Content.Headers.ContentType?.MediaType);
        var error = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("413", error["status"]!.GetValue<string>());
        Assert.Contains("200,000 bytes", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // The connection still serves (or a new one does), and the refused user was not created.
    private static async Task AssertNoUserAsync(HttpClient client)
    {
        var list = (await client.GetFromJsonAsync<JsonObject>("Users?filter=userName eq \"too-large\""))!;
        Assert.Equal(0, list["totalResults"]!.GetValue<int>());
    }
}
