using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Bulk;

/// <summary>
/// POST /Bulk (RFC 7644 §3.7) answers 200 with a BulkResponse: per operation its method, bulkId, absolute location,
/// status as a string and, for a success with a body, the resource as the single request answers it. bulkId
/// references resolve to the resources the request creates, whatever their order in the request; operations run and
/// fail one by one, and failOnErrors stops the rest.
/// </summary>
public sealed partial class ProcessBulkTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Alice = """{"method":"POST","path":"/Users","bulkId":"alice","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice@example.com"}}""";

    private const string TourGuides = """
        {"method":"POST","path":"/Groups","bulkId":"guides",
         "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Tour Guides","members":[{"type":"User","value":"bulkId:alice"}]}}
        """;

    [Fact]
    public async Task Bulk_UserThenGroupContainingIt_CreatesBoth()
    {
        var client = await factory.CreateScimClientAsync();

        var operations = await client.BulkOkAsync($"{Alice},{TourGuides}");

        Assert.Equal(["201", "201"], operations.Select(o => o.Status()));
        Assert.Equal(["alice", "guides"], operations.Select(o => o["bulkId"]!.GetValue<string>()));
        Assert.Equal(["POST", "POST"], operations.Select(o => o["method"]!.GetValue<string>()));
        var (user, group) = (operations[0].LocationId(), operations[1].LocationId());
        Assert.Equal($"http://localhost/Users/{user}", operations[0]["location"]!.GetValue<string>());
        Assert.Equal($"http://localhost/Groups/{group}", operations[1]["location"]!.GetValue<string>());
        Assert.Equal([user], await client.MemberIdsAsync(group));
        Assert.Equal("Tour Guides", (await client.GetScimAsync($"Users/{user}"))["groups"]![0]!["display"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_GroupBeforeTheUserItContains_CreatesTheUserFirst()
    {
        var client = await factory.CreateScimClientAsync();

        var operations = await client.BulkOkAsync($"{TourGuides},{Alice}");

        Assert.Equal(["guides", "alice"], operations.Select(o => o["bulkId"]!.GetValue<string>()));
        Assert.Equal(["201", "201"], operations.Select(o => o.Status()));
        Assert.Equal([operations[1].LocationId()], await client.MemberIdsAsync(operations[0].LocationId()));
    }

    [Fact]
    public async Task Bulk_ManagerCreatedLaterInTheRequest_IsResolvedInTheEnterpriseExtension()
    {
        var client = await factory.CreateScimClientAsync();

        var operations = await client.BulkOkAsync("""
            {"method":"POST","path":"/Users","bulkId":"report","data":{"userName":"report@example.com",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"bulkId:boss"}}}},
            {"method":"POST","path":"/Users","bulkId":"boss","data":{"userName":"boss@example.com","displayName":"The Boss"}}
            """);

        var manager = (await client.GetScimAsync($"Users/{operations[0].LocationId()}"))["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["manager"]!;
        Assert.Equal(operations[1].LocationId(), manager["value"]!.GetValue<string>());
        Assert.Equal("The Boss", manager["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_SuccessEntries_CarryWhatTheSingleRequestAnswers()
    {
        var client = await factory.CreateScimClientAsync();

        var operations = await client.BulkOkAsync($"{Alice},{TourGuides}");

        var created = operations[0]["response"]!.AsObject();
        Assert.Equal(operations[0].LocationId(), created["id"]!.GetValue<string>());
        Assert.Equal(operations[0]["location"]!.GetValue<string>(), created["meta"]!["location"]!.GetValue<string>());
        Assert.Equal("alice@example.com", created["userName"]!.GetValue<string>());
        await client.AssertReadsBackAsync($"Groups/{operations[1].LocationId()}", operations[1]["response"]!);
    }

    [Fact]
    public async Task Bulk_PutPatchAndDeleteByPath_ApplyToExistingAndNewResources()
    {
        var f = await FixtureF.CreateAsync(factory);
        var sales = await f.CreateSalesGroupAsync(f.U1);

        var operations = await f.Client.BulkOkAsync($$$"""
            {"method":"PATCH","path":"/Users/{{{f.U1}}}","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"title","value":"Captain"}]}},
            {"method":"PUT","path":"/Users/{{{f.U2}}}","data":{"userName":"user2@example.com","displayName":"Replaced"}},
            {"method":"DELETE","path":"/Users/{{{f.U3}}}"},
            {"method":"POST","path":"/Users","bulkId":"new","data":{"userName":"new@example.com"}},
            {"method":"PATCH","path":"/Groups/{{{sales}}}","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members","value":[{"value":"bulkId:new"}]}]}},
            {"method":"PATCH","path":"/Users/bulkId:new","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"nickName","value":"Newbie"}]}}
            """);

        Assert.Equal(["200", "200", "204", "201", "204", "200"], operations.Select(o => o.Status()));
        var created = operations[3].LocationId();
        Assert.Equal(
            [$"http://localhost/Users/{f.U1}", $"http://localhost/Users/{f.U2}", $"http://localhost/Users/{f.U3}", $"http://localhost/Users/{created}",
             $"http://localhost/Groups/{sales}", $"http://localhost/Users/{created}"],
            operations.Select(o => o["location"]!.GetValue<string>()));
        Assert.Equal("Captain", operations[0]["response"]!["title"]!.GetValue<string>());
        Assert.Null(operations[2]["response"]);
        Assert.Null(operations[4]["response"]);
        Assert.Equal("Captain", (await f.GetUserAsync(f.U1))["title"]!.GetValue<string>());
        Assert.Equal("Replaced", (await f.GetUserAsync(f.U2))["displayName"]!.GetValue<string>());
        await (await f.Client.GetAsync($"Users/{f.U3}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal(ScimHttp.Sorted(f.U1, created), await f.MemberIdsAsync(sales));
        Assert.Equal("Newbie", (await f.GetUserAsync(created))["nickName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_GroupByBulkIdPath_IsReplacedAndDeletedAfterItsPost()
    {
        var client = await factory.CreateScimClientAsync();

        var operations = await client.BulkOkAsync($$$"""
            {"method":"PUT","path":"/Groups/bulkId:guides","data":{"displayName":"Tour Guides","members":[]}},
            {{{TourGuides}}},
            {{{Alice}}},
            {"method":"DELETE","path":"/Groups/bulkId:guides"}
            """);

        Assert.Equal(["200", "201", "201", "204"], operations.Select(o => o.Status()));
        Assert.Empty(operations[0]["response"]!["members"]?.AsArray() ?? []);
        Assert.Equal(0, (await client.GetListAsync("Groups")).TotalResults());
    }

    [Fact]
    public async Task Bulk_FailedOperations_ReportTheirErrorAndTheRestStillApply()
    {
        var f = await FixtureF.CreateAsync(factory);
        var missing = Guid.NewGuid();

        var operations = await f.Client.BulkOkAsync($$$"""
            {"method":"POST","path":"/Users","bulkId":"taken","data":{"userName":"user1@example.com"}},
            {"method":"PUT","path":"/Users/{{{missing}}}","data":{"userName":"ghost@example.com"}},
            {"method":"POST","path":"/Users","bulkId":"fine","data":{"userName":"fine@example.com"}}
            """);

        operations[0].AssertFailed(HttpStatusCode.Conflict, "uniqueness");
        Assert.Null(operations[0]["location"]);
        operations[1].AssertFailed(HttpStatusCode.NotFound, null);
        Assert.Equal($"http://localhost/Users/{missing}", operations[1]["location"]!.GetValue<string>());
        Assert.Equal("201", operations[2].Status());
        Assert.Equal(4, (await f.Client.GetListAsync("Users")).TotalResults());
    }

    [Fact]
    public async Task Bulk_FailOnErrorsOne_StopsAtTheFirstErrorAndLeavesTheRestOut()
    {
        var f = await FixtureF.CreateAsync(factory);

        var operations = await f.Client.BulkOkAsync("""
            {"method":"POST","path":"/Users","bulkId":"ok","data":{"userName":"first@example.com"}},
            {"method":"POST","path":"/Users","bulkId":"taken","data":{"userName":"user1@example.com"}},
            {"method":"POST","path":"/Users","bulkId":"never","data":{"userName":"never@example.com"}},
            {"method":"DELETE","path":"/Users/bulkId:ok"}
            """, failOnErrors: 1);

        Assert.Equal(["ok", "taken"], operations.Select(o => o["bulkId"]!.GetValue<string>()));
        Assert.Equal("201", operations[0].Status());
        operations[1].AssertFailed(HttpStatusCode.Conflict, "uniqueness");
        Assert.Equal(0, (await f.Client.GetListAsync("Users?filter=userName%20eq%20%22never@example.com%22")).TotalResults());
        Assert.Equal(1, (await f.Client.GetListAsync("Users?filter=userName%20eq%20%22first@example.com%22")).TotalResults());
    }

    [Fact]
    public async Task Bulk_FailOnErrorsTwo_RunsUntilTheSecondError()
    {
        var f = await FixtureF.CreateAsync(factory);

        var operations = await f.Client.BulkOkAsync("""
            {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"user1@example.com"}},
            {"method":"POST","path":"/Users","bulkId":"b","data":{"userName":"b@example.com"}},
            {"method":"POST","path":"/Users","bulkId":"c","data":{"userName":"user2@example.com"}},
            {"method":"POST","path":"/Users","bulkId":"d","data":{"userName":"d@example.com"}}
            """, failOnErrors: 2);

        Assert.Equal(["409", "201", "409"], operations.Select(o => o.Status()));
    }
}
