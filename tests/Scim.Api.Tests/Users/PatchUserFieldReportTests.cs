using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>PATCH /Users/{id} in the shapes that broke other SCIM servers (field reports BC01–BC38).</summary>
public sealed class PatchUserFieldReportTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public async Task PatchUser_CapitalisedOps_AppliesAll_BC01()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"Replace","path":"displayName","value":"Alex Sample"},
               {"op":"Add","path":"title","value":"Analyst"},
               {"op":"Remove","path":"nickName"}]}
            """);

        var user = await f.GetUserAsync(f.U1);
        Assert.Equal("Alex Sample", user["displayName"]!.GetValue<string>());
        Assert.Equal("Analyst", user["title"]!.GetValue<string>());
        Assert.False(user.ContainsKey("nickName"));
    }

    [Theory]
    [InlineData("REPLACE", "ADD", "REMOVE")]
    [InlineData("replace", "add", "remove")]
    [InlineData("rEpLaCe", "aDd", "ReMoVe")]
    public async Task PatchUser_OpInAnyCase_AppliesAll_BC01(string replace, string add, string remove)
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"{{replace}}","path":"displayName","value":"Alex Sample"},
               {"op":"{{add}}","path":"title","value":"Analyst"},
               {"op":"{{remove}}","path":"nickName"}]}
            """);

        var user = await f.GetUserAsync(f.U1);
        Assert.Equal("Alex Sample", user["displayName"]!.GetValue<string>());
        Assert.Equal("Analyst", user["title"]!.GetValue<string>());
        Assert.False(user.ContainsKey("nickName"));
    }

    [Fact]
    public async Task PatchUser_UnknownOpMerge_Is400InvalidSyntaxAndChangesNothing_BC01()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"Replace","path":"displayName","value":"Alex Sample"},
               {"op":"merge","path":"title","value":"Analyst"}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        var user = await f.GetUserAsync(f.U1);
        Assert.False(user.ContainsKey("displayName"));
        Assert.False(user.ContainsKey("title"));
    }

    [Fact]
    public async Task PatchUser_PathlessReplaceWithDottedAndUrnKeys_ExpandsThem_BC12()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{
               "displayName":"Robin Test",
               "name.givenName":"Robin",
               "name.familyName":"Test",
               "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"E-1001"}}]}
            """);

        await AssertRobinTestAsync(f);
    }

    [Fact]
    public async Task PatchUser_PathlessReplaceWithNestedObjects_SameAsDottedKeys_BC12()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{
               "displayName":"Robin Test",
               "name":{"givenName":"Robin","familyName":"Test"},
               "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-1001"}}}]}
            """);

        await AssertRobinTestAsync(f);
    }

    private static async Task AssertRobinTestAsync(FixtureF f)
    {
        var user = await f.GetUserAsync(f.U1);
        Assert.Equal("Robin Test", user["displayName"]!.GetValue<string>());
        Assert.Equal("Robin", user["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Test", user["name"]!["familyName"]!.GetValue<string>());
        Assert.False(user["name"]!.AsObject().ContainsKey("name.givenName"));
        Assert.False(user.ContainsKey("name.givenName"));
        Assert.Equal("E-1001", user[Ent]!["employeeNumber"]!.GetValue<string>());
        Assert.Contains(Ent, user["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("Al", user["nickName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("false", "true")]
    [InlineData("\"False\"", "\"True\"")]
    public async Task PatchUser_PathlessReplaceActive_DeactivatesAndReactivates_BC13(string inactive, string active)
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"active":{{{inactive}}}}}]}
            """);
        Assert.False((await f.GetUserAsync(f.U1))["active"]!.GetValue<bool>());

        await f.PatchUserOkAsync(f.U1, $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"active":{{{active}}}}}]}
            """);
        Assert.True((await f.GetUserAsync(f.U1))["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PatchUser_FilteredPathReplace_UpdatesMatchedEmailOnly_BC17()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"emails[type eq \"work\"].value","value":"alex.one@example.com"}]}
            """);

        var emails = (await f.GetUserAsync(f.U1))["emails"]!.AsArray();
        var email = Assert.Single(emails);
        Assert.Equal("alex.one@example.com", email!["value"]!.GetValue<string>());
        Assert.Equal("work", email["type"]!.GetValue<string>());
        Assert.True(email["primary"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("Add")]
    [InlineData("Replace")]
    [InlineData("add")]
    [InlineData("replace")]
    public async Task PatchUser_FilteredPathWithNoMatch_CreatesTypedElement_BC17(string op)
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U2, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"{{op}}","path":"emails[type eq \"work\"].value","value":"user2.work@example.com"}]}
            """);

        var emails = (await f.GetUserAsync(f.U2))["emails"]!.AsArray();
        Assert.Equal(2, emails.Count);
        Assert.Contains(emails, e => e!["value"]!.GetValue<string>() == "user2@example.com" && e["type"] is null);
        Assert.Contains(emails, e => e!["value"]!.GetValue<string>() == "user2.work@example.com" && e["type"]?.GetValue<string>() == "work");
    }

    [Fact]
    public async Task PatchUser_MixedFilteredReplacesAndEnterpriseAdd_AppliesAllTogether_BC18()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"Replace","path":"emails[type eq \"work\"].value","value":"user1@example.org"},
               {"op":"Replace","path":"addresses[type eq \"work\"].formatted","value":"Building 7, Room 210"},
               {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Retail"}]}
            """);

        var user = await f.GetUserAsync(f.U1);
        Assert.Equal("user1@example.org", Assert.Single(user["emails"]!.AsArray())!["value"]!.GetValue<string>());
        var address = Assert.Single(user["addresses"]!.AsArray())!;
        Assert.Equal("work", address["type"]!.GetValue<string>());
        Assert.Equal("Building 7, Room 210", address["formatted"]!.GetValue<string>());
        Assert.Equal("Retail", user[Ent]!["department"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_OneInvalidOp_AppliesNone_BC18()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"Replace","path":"emails[type eq \"work\"].value","value":"user1@example.org"},
               {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Retail"},
               {"op":"Replace","path":"active","value":"not-a-boolean"}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest);
        var user = await f.GetUserAsync(f.U1);
        Assert.Equal("user1@example.com", Assert.Single(user["emails"]!.AsArray())!["value"]!.GetValue<string>());
        Assert.Null(user[Ent]?["department"]);
    }

    [Fact]
    public async Task PatchUser_StringValueForSingleValuedAttribute_Applies_BC20()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"displayName","value":"Casey Example"}]}
            """);

        Assert.Equal("Casey Example", (await f.GetUserAsync(f.U1))["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_ValuesOfEveryJsonShape_Apply_BC20()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"Replace","path":"active","value":false},
               {"op":"Replace","path":"name","value":{"givenName":"Casey"}},
               {"op":"Replace","path":"phoneNumbers","value":[{"value":"+1 555 0100","type":"work"}]}]}
            """);

        var user = await f.GetUserAsync(f.U1);
        Assert.False(user["active"]!.GetValue<bool>());
        Assert.Equal("Casey", user["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("+1 555 0100", Assert.Single(user["phoneNumbers"]!.AsArray())!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_EntraUpdateCycleWithAddAndStringBoolean_AppliesAll_BC22()
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"active","value":false}]}
            """);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"Add","path":"title","value":"Engineer"},
               {"op":"Replace","path":"name.givenName","value":"Jordan"},
               {"op":"Replace","path":"active","value":"True"}]}
            """);

        var user = await f.GetUserAsync(f.U1);
        Assert.Equal("Engineer", user["title"]!.GetValue<string>());
        Assert.Equal("Jordan", user["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("One", user["name"]!["familyName"]!.GetValue<string>());
        Assert.True(user["active"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("nosuchattr")]
    [InlineData("urn:ietf:params:scim:schemas:extension:acme:2.0:User:costCenter")]
    public async Task PatchUser_AttributeNotInAnySchema_IsIgnoredWith200_BC22(string path)
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"Add","path":"{{path}}","value":"X-1"},
               {"op":"Replace","path":"title","value":"Engineer"}]}
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("Engineer", body["title"]!.GetValue<string>());
        Assert.DoesNotContain("X-1", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Engineer", (await f.GetUserAsync(f.U1))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_EmptyOperations_Returns200UnchangedWithSameLastModified_BC23()
    {
        var f = await FixtureF.CreateAsync(factory);
        var before = await f.GetUserAsync(f.U1);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal(f.U1, body["id"]!.GetValue<string>());
        Assert.Equal(before["meta"]!["lastModified"]!.GetValue<string>(), body["meta"]!["lastModified"]!.GetValue<string>());
        var after = await f.GetUserAsync(f.U1);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(before, after), $"{before}\n{after}");
    }

    [Fact]
    public async Task PatchUser_NoOperationsMember_Is400InvalidSyntax_BC23()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task PatchUser_EntraDefaultMappings_StoresAllCoreAndEnterpriseValues_BC38()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"Add","path":"phoneNumbers[type eq \"work\"].value","value":"+1 555 0100"},
               {"op":"Add","path":"phoneNumbers[type eq \"mobile\"].value","value":"+1 555 0199"},
               {"op":"Replace","path":"addresses[type eq \"work\"].locality","value":"Springfield"},
               {"op":"Replace","path":"preferredLanguage","value":"en-US"},
               {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Finance"},
               {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"E-2002"}]}
            """);

        var user = await f.GetUserAsync(f.U1);
        var phones = user["phoneNumbers"]!.AsArray();
        Assert.Equal(2, phones.Count);
        Assert.Contains(phones, p => p!["type"]!.GetValue<string>() == "work" && p["value"]!.GetValue<string>() == "+1 555 0100");
        Assert.Contains(phones, p => p!["type"]!.GetValue<string>() == "mobile" && p["value"]!.GetValue<string>() == "+1 555 0199");
        var address = Assert.Single(user["addresses"]!.AsArray())!;
        Assert.Equal("work", address["type"]!.GetValue<string>());
        Assert.Equal("Springfield", address["locality"]!.GetValue<string>());
        Assert.Equal("en-US", user["preferredLanguage"]!.GetValue<string>());
        Assert.Equal("Finance", user[Ent]!["department"]!.GetValue<string>());
        Assert.Equal("E-2002", user[Ent]!["employeeNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_SiblingFilteredSubAttributes_LandInOneElement_BC38()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync(f.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
               {"op":"Replace","path":"addresses[type eq \"work\"].streetAddress","value":"1 Test Way"},
               {"op":"Replace","path":"addresses[type eq \"work\"].locality","value":"Springfield"},
               {"op":"Replace","path":"addresses[type eq \"work\"].postalCode","value":"00000"}]}
            """);

        var address = Assert.Single((await f.GetUserAsync(f.U1))["addresses"]!.AsArray())!;
        Assert.Equal("1 Test Way", address["streetAddress"]!.GetValue<string>());
        Assert.Equal("Springfield", address["locality"]!.GetValue<string>());
        Assert.Equal("00000", address["postalCode"]!.GetValue<string>());
    }
}
