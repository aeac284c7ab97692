using System.Net;
using Scim.Api.Tests.Journal;
using Scim.Testing;

namespace Scim.Api.Tests.Observability;

/// <summary>Every response carries its request's id in <c>X-Request-Id</c>, the one the journal records.</summary>
public sealed class RequestIdTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task ClientRequestId_IsReturnedAndJournaled()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var requestId = $"00-{Guid.NewGuid():N}-01";
        using var request = new HttpRequestMessage(HttpMethod.Post, "Users") { Content = ScimHttp.Json("""{"userName":"rid@example.com"}""") };
        request.Headers.Add("X-Request-Id", requestId);

        var response = await client.SendAsync(request);

        await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("X-Request-Id")));
        Assert.Equal(requestId, Assert.Single(await factory.ReadChangesAsync(organizationId)).RequestId);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("quote\"d")]
    [InlineData("long")]
    public async Task UnsaneClientRequestId_IsReplacedByTheServersOwn_InTheHeaderAndTheJournal(string sent)
    {
        sent = sent == "long" ? new string('a', 129) : sent;
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "Users") { Content = ScimHttp.Json("""{"userName":"rid@example.com"}""") };
        request.Headers.TryAddWithoutValidation("X-Request-Id", sent);

        var response = await client.SendAsync(request);

        await response.ReadScimAsync(HttpStatusCode.Created);
        var returned = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.NotEqual(sent, returned);
        Assert.False(string.IsNullOrEmpty(returned));
        Assert.Equal(returned, Assert.Single(await factory.ReadChangesAsync(organizationId)).RequestId);
    }

    [Fact]
    public async Task ErrorResponses_AndUnauthenticatedOnes_CarryARequestId()
    {
        var anonymous = factory.CreateClientWithToken(null);

        var unauthorized = await anonymous.GetAsync("Users");
        var notFound = await (await factory.CreateScimClientAsync()).GetAsync($"Users/{Guid.NewGuid()}");

        await unauthorized.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        await notFound.AssertScimErrorAsync(HttpStatusCode.NotFound);
        Assert.NotEqual(
            Assert.Single(unauthorized.Headers.GetValues("X-Request-Id")),
            Assert.Single(notFound.Headers.GetValues("X-Request-Id")));
    }
}
