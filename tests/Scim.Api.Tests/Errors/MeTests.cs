using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Errors;

/// <summary><c>/Me</c> (RFC 7644 §3.11) is not implemented: every method answers 501 with a SCIM error body that says why.</summary>
public sealed class MeTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("GET", "Me")]
    [InlineData("PUT", "Me")]
    [InlineData("PATCH", "Me")]
    [InlineData("DELETE", "Me")]
    [InlineData("POST", "Me")]
    [InlineData("GET", "Me/groups")]
    public async Task Me_is_501_with_a_scim_error(string method, string path)
    {
        var client = await factory.CreateScimClientAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var error = await (await client.SendAsync(request)).AssertScimErrorAsync(HttpStatusCode.NotImplemented);

        Assert.Contains("/Users/{id}", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
