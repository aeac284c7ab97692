using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// Entra compares what it sent with what GET returns and re-sends any difference every cycle: values must come
/// back exactly as sent, clearing one sub-attribute must not touch its siblings, and a PATCH that changes
/// nothing must not move meta.lastModified.
/// </summary>
public sealed class PatchFidelityTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Theory]
    [InlineData("""{"op":"replace","value":{"name":{"givenName":""}}}""")]
    [InlineData("""{"op":"replace","path":"name","value":{"givenName":null}}""")]
    [InlineData("""{"op":"replace","path":"name.givenName","value":""}""")]
    [InlineData("""{"op":"Replace","value":{"name.givenName":null}}""")]
    public async Task PatchUser_ClearOneNameSubAttribute_KeepsTheOthers(string operation)
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, $$"""{"schemas":["{{PatchOp}}"],"Operations":[{{operation}}]}""");

        var name = (await f.GetUserAsync(f.U1))["name"]!.AsObject();
        Assert.Null(name["givenName"]);
        Assert.Equal("One", name["familyName"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_ComplexValueWithClearedAndSetSubAttributes_AppliesEach()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"name":{"givenName":"","familyName":"Uno"}}}]}
            """);

        var name = (await f.GetUserAsync(f.U1))["name"]!.AsObject();
        Assert.Null(name["givenName"]);
        Assert.Equal("Uno", name["familyName"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_RolesWithPrimaryFalse_ReturnedAsSentAndRepeatChangesNothing()
    {
        var f = await FixtureF.CreateAsync(factory);
        var patch = $$"""
            {"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"roles","value":[
              {"primary":false,"type":"WindowsAzureActiveDirectoryRole","value":"Admin","display":"Admin"}]}]}
            """;

        await f.PatchUserOkAsync(f.U1, patch);
        var first = await f.GetUserAsync(f.U1);
        await f.PatchUserOkAsync(f.U1, patch);
        var second = await f.GetUserAsync(f.U1);

        Assert.False(first["roles"]![0]!["primary"]!.GetValue<bool>());
        Assert.Equal(first["meta"]!["lastModified"]!.GetValue<string>(), second["meta"]!["lastModified"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_ClearFilteredEmailValue_RemovesThatElement()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, $$"""
            {"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"emails[type eq \"work\"].value","value":""}]}
            """);

        Assert.Null((await f.GetUserAsync(f.U1))["emails"]);
    }

    [Fact]
    public async Task ListUsers_LegacyReferenceAttributeCheck_FindsUserByIdAndManager()
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.PatchUserOkAsync(f.U2, $$"""
            {"schemas":["{{PatchOp}}"],"Operations":[{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{f.U1}}"}]}
            """);

        var list = await f.Client.GetListAsync($"Users?filter={Uri.EscapeDataString($"id eq \"{f.U2}\" and manager eq \"{f.U1}\"")}&attributes=id");

        Assert.Equal(1, list.TotalResults());
        Assert.Equal([f.U2], list["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"userName":"a@example.com","userName":"b@example.com"}""")]
    [InlineData("""{"userName":"a@example.com","UserName":"b@example.com"}""")]
    [InlineData("""{"userName":"a@example.com","name":{"givenName":"A","GivenName":"B"}}""")]
    public async Task CreateUser_SameAttributeTwice_Returns400InvalidSyntax(string body)
    {
        var client = await factory.CreateScimClientAsync();

        var error = await (await client.PostJsonAsync("Users", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");

        Assert.Contains("name", error["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await client.GetListAsync("Users")).TotalResults());
    }

    [Fact]
    public async Task PatchUser_DuplicateKeyInValueObject_Returns400AndChangesNothing()
    {
        var f = await FixtureF.CreateAsync(factory);
        var before = await f.GetUserAsync(f.U1);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", $$$"""
            {"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","value":{"title":"a","title":"b"}}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        Assert.True(JsonNode.DeepEquals(before, await f.GetUserAsync(f.U1)));
    }
}
