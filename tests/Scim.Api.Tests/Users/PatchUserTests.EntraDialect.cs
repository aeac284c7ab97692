using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

// The shapes of Entra's own user PATCHes and the SCIM Validator's: capitalised attribute names, filters on primary,
// the manager as a bare id, deactivation with the string "False".
public sealed partial class PatchUserTests
{
    [Fact]
    public async Task PatchUser_CapitalisedSubAttributeNames_AreMatchedCaseInsensitively()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"Add","path":"emails[type eq \"other\"].Value","value":"alex.other@example.com"},
               {"op":"Add","path":"addresses[type eq \"other\"].Formatted","value":"2 Other Road"},
               {"op":"Replace","path":"Name.GivenName","value":"Alexis"}]}
            """);

        var user = await f.GetUserAsync(f.U1);
        var emails = user["emails"]!.AsArray();
        Assert.Equal(2, emails.Count);
        Assert.Contains(emails, e => e!["type"]?.GetValue<string>() == "other" && e["value"]!.GetValue<string>() == "alex.other@example.com");
        var address = Assert.Single(user["addresses"]!.AsArray())!;
        Assert.Equal("2 Other Road", address["formatted"]!.GetValue<string>());
        Assert.Equal("Alexis", user["name"]!["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_FilteredReplace_LeavesOtherElementsAlone()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""
            {"userName":"multi@example.com",
             "emails":[{"value":"work@example.com","type":"work","primary":true},{"value":"home@example.com","type":"home"}],
             "phoneNumbers":[{"value":"111","type":"work"},{"value":"222","type":"mobile"}]}
            """);

        await client.PatchUserOkAsync(id, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"replace","path":"emails[type eq \"home\"].value","value":"new.home@example.com"},
               {"op":"replace","path":"phoneNumbers[type eq \"mobile\"].value","value":"333"}]}
            """);

        var user = await client.GetScimAsync($"Users/{id}");
        var emails = user["emails"]!.AsArray();
        Assert.Equal(2, emails.Count);
        Assert.Contains(emails, e => e!["type"]!.GetValue<string>() == "work" && e["value"]!.GetValue<string>() == "work@example.com" && e["primary"]!.GetValue<bool>());
        Assert.Contains(emails, e => e!["type"]!.GetValue<string>() == "home" && e["value"]!.GetValue<string>() == "new.home@example.com");
        var phones = user["phoneNumbers"]!.AsArray();
        Assert.Contains(phones, p => p!["type"]!.GetValue<string>() == "work" && p["value"]!.GetValue<string>() == "111");
        Assert.Contains(phones, p => p!["type"]!.GetValue<string>() == "mobile" && p["value"]!.GetValue<string>() == "333");
    }

    [Fact]
    public async Task PatchUser_PrimaryFilteredPaths_UpdatePrimaryElements()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""
            {"userName":"validator@example.com",
             "emails":[{"value":"old@example.com","type":"work","primary":true}],
             "addresses":[{"formatted":"Old Street","type":"work","primary":true}],
             "phoneNumbers":[{"value":"111","type":"work","primary":true}]}
            """);

        await client.PatchUserOkAsync(id, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"replace","path":"emails[primary eq true].value","value":"new@example.com"},
               {"op":"replace","path":"addresses[primary eq true].formatted","value":"New Street"},
               {"op":"replace","path":"phoneNumbers[primary eq true].value","value":"999"}]}
            """);

        var user = await client.GetScimAsync($"Users/{id}");
        Assert.Equal("new@example.com", Assert.Single(user["emails"]!.AsArray())!["value"]!.GetValue<string>());
        Assert.Equal("New Street", Assert.Single(user["addresses"]!.AsArray())!["formatted"]!.GetValue<string>());
        Assert.Equal("999", Assert.Single(user["phoneNumbers"]!.AsArray())!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_RolesPrimaryStringFilter_UpdatesRole()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""
            {"userName":"roles@example.com",
             "roles":[{"primary":"True","type":"WindowsAzureActiveDirectoryRole","value":"Reader"}]}
            """);

        await client.PatchUserOkAsync(id, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"roles[primary eq \"True\"].value","value":"Admin"}]}
            """);

        var role = Assert.Single((await client.GetScimAsync($"Users/{id}"))["roles"]!.AsArray())!;
        Assert.Equal("Admin", role["value"]!.GetValue<string>());
        Assert.True(role["primary"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public async Task PatchUser_ReplaceWithEmptyOrNull_ClearsOptionalAttribute(string value)
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"nickName","value":{{value}}}]}
            """);

        Assert.False((await f.GetUserAsync(f.U1)).ContainsKey("nickName"));
    }

    [Fact]
    public async Task PatchUser_ReplaceUserName_IsStored()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"userName","value":"alex.new@example.com"}]}
            """);

        Assert.Equal("alex.new@example.com", (await f.GetUserAsync(f.U1))["userName"]!.GetValue<string>());
        Assert.Equal(1, (await f.Client.GetListAsync("Users?filter=userName%20eq%20%22alex.new%40example.com%22")).TotalResults());
    }

    [Fact]
    public async Task PatchUser_ChangingAValue_AdvancesLastModified()
    {
        var f = await FixtureF.CreateAsync(factory);
        var before = await f.GetUserAsync(f.U1);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"title","value":"Lead"}]}
            """);

        var after = await f.GetUserAsync(f.U1);
        var advancedBy = DateTimeOffset.Parse(after["meta"]!["lastModified"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse(before["meta"]!["lastModified"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(advancedBy >= TimeSpan.FromMinutes(5), $"meta.lastModified moved on by {advancedBy}");
        Assert.Equal(before["meta"]!["created"]!.GetValue<string>(), after["meta"]!["created"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_ValuesAreStoredExactlyAsSent()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"Add","path":"phoneNumbers[type eq \"work\"].value","value":"(555) 010-0100 ext. 7"},
               {"op":"Replace","path":"emails[type eq \"work\"].value","value":"Alex.ONE@Example.COM"}]}
            """);

        var user = await f.GetUserAsync(f.U1);
        Assert.Equal("(555) 010-0100 ext. 7", user["phoneNumbers"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("Alex.ONE@Example.COM", user["emails"]![0]!["value"]!.GetValue<string>());
    }

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

    private static Task SetManagerAsync(FixtureF f, string managerId) => f.PatchUserOkAsync(f.U1, $$"""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations":[{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{managerId}}"}]}
        """);
}
