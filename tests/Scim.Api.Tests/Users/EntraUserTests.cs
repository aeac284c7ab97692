using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>What the Entra provisioning service sends for users: manager, soft delete, hard delete, projections.</summary>
public sealed class EntraUserTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("Add")]
    [InlineData("add")]
    [InlineData("Replace")]
    [InlineData("replace")]
    public async Task PatchUser_ManagerAsBareString_IsReadBackAsComplexValueUnderEnterpriseUrn(string op)
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"{{op}}","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{f.U2}}"}]}
            """);

        var user = await f.GetUserAsync(f.U1);
        Assert.Equal(f.U2, user[Ent]!["manager"]!["value"]!.GetValue<string>());
        Assert.Contains(Ent, user["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.False(user.ContainsKey("manager"));
    }

    [Fact]
    public async Task PatchUser_ReplaceManager_ChangesIt()
    {
        var f = await FixtureF.CreateAsync(factory);
        await SetManagerAsync(f, f.U2);

        await f.PatchUserOkAsync(f.U1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{f.U3}}"}]}
            """);

        Assert.Equal(f.U3, (await f.GetUserAsync(f.U1))[Ent]!["manager"]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":{"value":""}}""")]
    [InlineData("""{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":""}""")]
    [InlineData("""{"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}""")]
    [InlineData("""{"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}""")]
    public async Task PatchUser_ClearManager_RemovesIt(string operation)
    {
        var f = await FixtureF.CreateAsync(factory);
        await SetManagerAsync(f, f.U2);

        await f.PatchUserOkAsync(f.U1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{operation}}]}
            """);

        Assert.Null((await f.GetUserAsync(f.U1))[Ent]?["manager"]);
    }

    [Fact]
    public async Task PatchUser_Pre2018ManagerArrayShape_SetsManager()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Add","path":"manager","value":[{"$ref":"../Users/{{f.U2}}","value":"{{f.U2}}"}]}]}
            """);

        Assert.Equal(f.U2, (await f.GetUserAsync(f.U1))[Ent]!["manager"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteUser_ThatIsAManager_ClearsTheReference()
    {
        var f = await FixtureF.CreateAsync(factory);
        await SetManagerAsync(f, f.U2);

        Assert.Equal(HttpStatusCode.NoContent, (await f.Client.DeleteAsync($"Users/{f.U2}")).StatusCode);

        Assert.Null((await f.GetUserAsync(f.U1))[Ent]?["manager"]);
        Assert.Equal(2, (await f.Client.GetListAsync("Users")).TotalResults());
    }

    [Fact]
    public async Task PatchUser_ManagerThatIsNoUser_Is400InvalidValue()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"no-such-user"}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Null((await f.GetUserAsync(f.U1))[Ent]?["manager"]);
    }

    [Fact]
    public async Task CreateUser_ManagerAsBareString_IsReadBackAsComplexValue()
    {
        var client = await factory.CreateScimClientAsync();
        var boss = await client.CreateUserAsync("""{"userName":"boss@example.com"}""");

        var response = await client.PostJsonAsync("Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"report@example.com",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","manager":"{{boss}}"}
             }
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal(boss, body[Ent]!["manager"]!["value"]!.GetValue<string>());
        Assert.Equal(boss, (await client.GetScimAsync($"Users/{body["id"]}"))[Ent]!["manager"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_DeactivateWithStringFalse_StillReadableByIdAndFilter()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"active","value":"False"}]}
            """);

        Assert.False((await f.GetUserAsync(f.U1))["active"]!.GetValue<bool>());
        var list = await f.Client.GetListAsync("Users?filter=userName+eq+%22user1%40example.com%22");
        Assert.Equal(1, list.TotalResults());
        Assert.False(list["Resources"]![0]!["active"]!.GetValue<bool>());
        Assert.Equal(f.U1, list["Resources"]![0]!["id"]!.GetValue<string>());

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"active","value":true}]}
            """);

        Assert.True((await f.GetUserAsync(f.U1))["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PatchUser_DeactivatedUser_KeepsGroupMemberships()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"active","value":"False"}]}
            """);

        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task DeleteUser_Is204ThenGetIs404ThenDeleteAgainIs404()
    {
        var f = await FixtureF.CreateAsync(factory);

        var deleted = await f.Client.DeleteAsync($"Users/{f.U1}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await (await f.Client.GetAsync($"Users/{f.U1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await f.Client.DeleteAsync($"Users/{f.U1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        var list = await f.Client.GetListAsync("Users?filter=userName%20eq%20%22user1%40example.com%22");
        Assert.Equal(0, list.TotalResults());
    }

    [Fact]
    public async Task DeleteUser_RemovesItFromGroups()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2);

        Assert.Equal(HttpStatusCode.NoContent, (await f.Client.DeleteAsync($"Users/{f.U1}")).StatusCode);

        Assert.Equal([f.U2], await f.MemberIdsAsync(g1));
    }

    [Theory]
    [InlineData("no-such-user")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task GetUser_UnknownId_Is404ScimError(string id)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.GetAsync($"Users/{id}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetUser_AttributesId_ReturnsOnlyIdAndAlwaysReturned()
    {
        var f = await FixtureF.CreateAsync(factory);

        var user = await f.Client.GetScimAsync($"Users/{f.U1}?attributes=id");

        Assert.Equal(f.U1, user["id"]!.GetValue<string>());
        Assert.False(user.ContainsKey("name"));
        Assert.False(user.ContainsKey("emails"));
        Assert.False(user.ContainsKey("nickName"));
    }

    [Fact]
    public async Task ListUsers_AttributesId_ReturnsMinimalResources()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync($"Users?filter=id%20eq%20%22{f.U1}%22&attributes=id");

        var user = Assert.Single(list["Resources"]!.AsArray())!.AsObject();
        Assert.Equal(f.U1, user["id"]!.GetValue<string>());
        Assert.False(user.ContainsKey("name"));
        Assert.False(user.ContainsKey("emails"));
    }

    [Fact]
    public async Task GetUser_AttributesNamingSubAttributesTheUserLacks_OmitsThemInsteadOfReturningEmptyValues()
    {
        var f = await FixtureF.CreateAsync(factory);

        var user = await f.Client.GetScimAsync($"Users/{f.U1}?attributes={Ent}:manager,emails.display,name.middleName");

        Assert.Equal(f.U1, user["id"]!.GetValue<string>());
        Assert.False(user.ContainsKey(Ent));
        Assert.False(user.ContainsKey("emails"));
        Assert.False(user.ContainsKey("name"));
    }

    [Fact]
    public async Task GetUser_AttributesUserNameAndEmailsValue_ReturnsOnlyThose()
    {
        var f = await FixtureF.CreateAsync(factory);

        var user = await f.Client.GetScimAsync($"Users/{f.U1}?attributes=userName,emails.value");

        Assert.Equal(f.U1, user["id"]!.GetValue<string>());
        Assert.Equal("user1@example.com", user["userName"]!.GetValue<string>());
        var email = Assert.Single(user["emails"]!.AsArray())!.AsObject();
        Assert.Equal("user1@example.com", email["value"]!.GetValue<string>());
        Assert.False(email.ContainsKey("type"));
        Assert.False(user.ContainsKey("name"));
        Assert.False(user.ContainsKey("nickName"));
        Assert.False(user.ContainsKey("active"));
    }

    private static Task SetManagerAsync(FixtureF f, string managerId) => f.PatchUserOkAsync(f.U1, $$"""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations":[{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{managerId}}"}]}
        """);
}
