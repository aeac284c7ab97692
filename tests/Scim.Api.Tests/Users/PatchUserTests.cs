using System.Net;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// PATCH /Users/{id} (RFC 7644 §3.5.2) answers 200 with the patched user. Ops are read in any case; a path-less
/// replace's keys may be paths (dotted or under a schema URN); a filtered path that matches nothing creates the typed
/// element; one invalid operation applies none; attributes in no schema are ignored. Entra compares what it sent with
/// what GET returns and re-sends any difference every cycle, so values come back exactly as sent, clearing one
/// sub-attribute keeps its siblings and a PATCH that changes nothing keeps meta.lastModified.
/// </summary>
public sealed partial class PatchUserTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

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
    [InlineData("replace", "emails[foo eq \\\"work\\\"].value")]
    [InlineData("add", "emails[value.x eq \\\"a\\\"].value")]
    [InlineData("replace", "emails[foo pr].value")]
    [InlineData("replace", "emails[not (foo eq \\\"x\\\")].value")]
    [InlineData("replace", "emails[type eq \\\"work\\\" and urn:ietf:params:scim:schemas:core:2.0:User:emails.type eq \\\"work\\\"].value")]
    public async Task PatchUser_FilterNamesNoSubAttributeOfTheAttribute_Is400InvalidPathAndChangesNothing(string op, string path)
    {
        var f = await FixtureF.CreateAsync(factory);
        var before = await f.GetUserAsync(f.U1);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"{{op}}","path":"{{path}}","value":"junk@example.com"}]}
            """);

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidPath");
        Assert.Contains("not a sub-attribute of 'emails'", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(before, await f.GetUserAsync(f.U1)));
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

    [Theory]
    [MemberData(nameof(ContentTypes.All), MemberType = typeof(ContentTypes))]
    public async Task PatchUser_AnyScimOrJsonContentType_IsParsed_BC35(string contentType)
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"userName":"user8@example.com"}""");

        var response = await client.PatchAsync($"Users/{id}", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"name.givenName","value":"Dana"}]}
            """, contentType));

        var body = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("Dana", body["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Dana", (await client.GetScimAsync($"Users/{id}"))["name"]!["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_TakenUserName_Is409()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"userName","value":"user2@example.com"}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task PatchUser_UnknownQueryParameter_IsIgnored()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync($"{f.U1}?aadOptscim062020", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"title","value":"Lead"}]}
            """);

        Assert.Equal("Lead", (await f.GetUserAsync(f.U1))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_AnswersWithWhatTheNextGetReturns()
    {
        var client = await factory.CreateScimClientAsync();
        var (manager, id) = await client.CreateTeamMemberWithManagerAsync();

        var patched = await client.PatchUserOkAsync(id, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"title","value":"Engineer"},
                           {"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{manager}}"}]}
            """);

        await client.AssertReadsBackAsync($"Users/{id}", patched);
        Assert.Equal("Team", patched["groups"]![0]!["display"]!.GetValue<string>());
        Assert.Equal("Team Lead", patched[Ent]!["manager"]!["displayName"]!.GetValue<string>());
    }
}
