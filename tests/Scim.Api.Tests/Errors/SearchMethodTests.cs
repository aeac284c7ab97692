using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Errors;

/// <summary>
/// <c>/.search</c> (RFC 7644 §3.4.3) takes POST only: any other method is 405 Method Not Allowed with <c>Allow: POST</c>
/// and a SCIM error body, never read as the id of a resource.
/// </summary>
public sealed class SearchMethodTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("Users", "GET")]
    [InlineData("Users", "PUT")]
    [InlineData("Users", "PATCH")]
    [InlineData("Users", "DELETE")]
    [InlineData("Groups", "GET")]
    [InlineData("Groups", "PUT")]
    [InlineData("Groups", "PATCH")]
    [InlineData("Groups", "DELETE")]
    [InlineData("Users", "OPTIONS")]
    [InlineData("Groups", "OPTIONS")]
    public async Task OtherMethodThanPost_Is405WithAllowPost(string resource, string method)
    {
        var client = await factory.CreateScimClientAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{resource}/.search");
        if (method is "PUT" or "PATCH")
        {
            request.Content = ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"]}""");
        }

        var response = await client.SendAsync(request);

        var error = await response.AssertScimErrorAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Contains("POST", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Users")]
    [InlineData("Groups")]
    public async Task Head_Is405WithAllowPost(string resource)
    {
        var client = await factory.CreateScimClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Head, $"{resource}/.search");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("Users")]
    [InlineData("Groups")]
    public async Task Post_StillSearches(string resource)
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync($"{resource}/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"]}""");

        Assert.Equal(0, (await response.ReadScimAsync(HttpStatusCode.OK)).TotalResults());
    }
}
