using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Errors;

/// <summary>
/// Every failure is a SCIM error: <c>application/scim+json</c>, the Error schema, <c>status</c> as a
/// string, the right <c>scimType</c>; never text/plain, HTML or 500.
/// </summary>
public sealed class ErrorFormatTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("NoSuchEndpoint")]
    [InlineData("Users/some-id/extra")]
    [InlineData("scim/v2/Users")]
    public async Task UnknownRoute_Is404ScimError_BC16(string uri)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.GetAsync(uri)).AssertScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownRouteWithoutAuthorization_Is404ScimError_BC16()
    {
        var client = factory.CreateClientWithToken(null);

        await (await client.GetAsync("NoSuchEndpoint")).AssertScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("DELETE", "Users")]
    [InlineData("PATCH", "Users")]
    [InlineData("PUT", "Groups")]
    [InlineData("POST", "ServiceProviderConfig")]
    public async Task WrongMethod_Is405ScimError_BC16(string method, string uri)
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri)
        {
            Content = method is "DELETE" ? null : ScimHttp.Json("{}"),
        });

        await response.AssertScimErrorAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task WrongMethodOnResource_Is405ScimError_BC16()
    {
        var f = await FixtureF.CreateAsync(factory);

        await (await f.Client.PostJsonAsync($"Users/{f.U1}", "{}")).AssertScimErrorAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task TextPlainBody_Is415ScimError_BC16(string method)
    {
        var f = await FixtureF.CreateAsync(factory);
        var uri = method == "POST" ? "Users" : $"Users/{f.U1}";

        var response = await f.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri)
        {
            Content = ScimHttp.Json("""{"userName":"user9@example.com"}""", "text/plain"),
        });

        await response.AssertScimErrorAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("Users", "{\"userName\":")]
    [InlineData("Users", "not json")]
    [InlineData("Users", "[]")]
    [InlineData("Groups", "{\"displayName\":\"x\",}")]
    [InlineData("Users/.search", "{\"filter\":")]
    public async Task MalformedJsonBody_Is400InvalidSyntax_BC16(string uri, string body)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.PostJsonAsync(uri, body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task MalformedPatchBody_Is400InvalidSyntax_BC16()
    {
        var f = await FixtureF.CreateAsync(factory);

        await (await f.Client.PatchJsonAsync($"Users/{f.U1}", "{\"Operations\":[")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Theory]
    [InlineData("Users?filter=userName%20eq")]
    [InlineData("Users?filter=userName%20eq%20%22unterminated")]
    [InlineData("Users?filter=userName%20like%20%22x%22")]
    [InlineData("Users?filter=(userName%20eq%20%22x%22")]
    [InlineData("Groups?filter=displayName%20eq%20%22x%22%20and")]
    public async Task InvalidFilter_Is400InvalidFilter_BC16(string uri)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.GetAsync(uri)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Theory]
    [InlineData("Users?filter=nosuchattr%20eq%20%22x%22")]
    [InlineData("Users?filter=emails.nosuchsub%20eq%20%22x%22")]
    [InlineData("Groups?filter=nosuchattr%20eq%20%22x%22")]
    public async Task UnknownFilterAttribute_Is400InvalidFilter_BC16(string uri)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.GetAsync(uri)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task InvalidFilterInSearchBody_Is400InvalidFilter_BC16()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Groups/.search", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"displayName eq"}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":null}""")]
    [InlineData("""{}""")]
    public async Task PatchWithoutOperations_Is400InvalidSyntax_BC16(string body)
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        await (await f.Client.PatchJsonAsync($"Users/{f.U1}", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        await (await f.Client.PatchJsonAsync($"Groups/{g1}", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Theory]
    [InlineData("merge")]
    [InlineData("")]
    [InlineData("upsert")]
    public async Task PatchWithUnknownOp_Is400InvalidSyntax_BC16(string op)
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);
        var body = $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"{{op}}","path":"displayName","value":"x"}]}
            """;

        await (await f.Client.PatchJsonAsync($"Users/{f.U1}", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        await (await f.Client.PatchJsonAsync($"Groups/{g1}", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task PatchWithOperationWithoutOp_Is400InvalidSyntax_BC16()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"path":"displayName","value":"x"}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Theory]
    [InlineData("emails[type eq \\\"work\\\"")]
    [InlineData("emails[type eq]")]
    [InlineData("name..givenName")]
    public async Task PatchWithSyntacticallyInvalidPath_Is400InvalidPath_BC16(string path)
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"{{path}}","value":"x"}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidPath");
        Assert.Equal("user1@example.com", (await f.GetUserAsync(f.U1))["emails"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchWithUnknownAttributePath_IsIgnoredWith200_BC16()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"nosuchattr","value":"x"}]}
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.False(body.ContainsKey("nosuchattr"));
    }

    [Theory]
    [InlineData("Users?startIndex=abc")]
    [InlineData("Users?count=ten")]
    [InlineData("Groups?startIndex=1.5")]
    public async Task InvalidPagingParameter_Is400InvalidValue(string uri)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.GetAsync(uri)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task SearchWithNonNumericStartIndex_Is400()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users/.search", """{"startIndex":"first"}""");

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]}""")]
    [InlineData("""{"userName":""}""")]
    [InlineData("""{"userName":42}""")]
    [InlineData("""{"userName":"ok@example.com","active":"maybe"}""")]
    [InlineData("""{"userName":"ok@example.com","emails":"not-a-list"}""")]
    [InlineData("""{"userName":"ok@example.com","name":"Just A String"}""")]
    public async Task CreateUser_InvalidBody_Is400ScimErrorNever500(string body)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.PostJsonAsync("Users", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"]}""")]
    [InlineData("""{"displayName":"x","members":"nope"}""")]
    [InlineData("""{"displayName":"x","members":[{"value":"not-a-user"}]}""")]
    public async Task CreateGroup_InvalidBody_Is400ScimErrorNever500(string body)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.PostJsonAsync("Groups", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"op":"add","path":"emails","value":"not-a-list-of-objects"}""")]
    [InlineData("""{"op":"replace","path":"active","value":{"nested":true}}""")]
    [InlineData("""{"op":"replace","value":"not-an-object"}""")]
    [InlineData("""{"op":"remove"}""")]
    [InlineData("""{"op":"replace","path":"userName","value":null}""")]
    public async Task PatchUser_BadValue_Is400ScimErrorNever500(string operation)
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{operation}}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest);
    }
}
