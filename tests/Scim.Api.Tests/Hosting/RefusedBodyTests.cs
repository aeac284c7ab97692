using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scim.Testing;

namespace Scim.Api.Tests.Hosting;

/// <summary>
/// On Kestrel, a body refused part way through (not JSON, an attribute twice, a string longer than the server accepts)
/// is answered 400 with a SCIM error, the client's next request is served, and the server's log
/// holds no error for it: it is the client's mistake, and Kestrel drains the rest of the body as after any response.
/// </summary>
public sealed class RefusedBodyTests
{
    [Theory]
    [InlineData("not JSON", false, "invalidSyntax")]
    [InlineData("not JSON", true, "invalidSyntax")]
    [InlineData("an attribute twice", false, "invalidSyntax")]
    [InlineData("a string too long", true, "invalidValue")]
    public async Task ABodyRefusedPartWay_Is400_AndNoErrorInTheLog(string mistake, bool chunked, string scimType)
    {
        var logs = new CapturedLogs();
        using var factory = new ScimApiFactory { TestServices = services => services.AddSingleton<ILoggerProvider>(logs) };
        var address = KestrelScimServer.Start(factory);
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        using var client = KestrelScimServer.Client(address, token);
        var body = Encoding.UTF8.GetBytes(mistake switch
        {
            "not JSON" => """{"userName": nope, "displayName": "Ann"}""",
            "an attribute twice" => """{"userName": "ann", "UserName": "bob"}""",
            _ => $$"""{"userName": "ann", "displayName": "{{new string('a', Scim.Api.Http.ScimRequestBody.MaxStringLength + 1)}}"}""",
        });
        using HttpContent content = chunked ? new ChunkedContent(body) : new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/scim+json");

        using var answer = await client.PostAsync("Users", content);

        var error = await answer.ReadScimAsync(HttpStatusCode.BadRequest);
        Assert.Equal(scimType, error["scimType"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Users?count=1")).StatusCode);
        Assert.Empty(await KestrelScimServer.StopAndReadErrorsAsync(factory, logs));
    }
}
