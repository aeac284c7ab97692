using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Scim.Testing;

namespace Scim.Api.Tests.Bulk;

/// <summary>
/// What POST /Bulk refuses: circular references (409 for each operation of the cycle, RFC 7644 §3.7.1), references
/// that resolve to nothing, requests beyond maxOperations or maxPayloadSize (413 naming the limit, nothing applied),
/// malformed messages (400 for the whole request) and malformed operations (400 for that operation alone); and a
/// reference never reaches another organization's resources.
/// </summary>
public sealed partial class ProcessBulkTests
{
    [Fact]
    public async Task Bulk_GroupsContainingEachOther_Are409AndNeitherIsCreated()
    {
        var client = await factory.CreateScimClientAsync();

        var operations = await client.BulkOkAsync("""
            {"method":"POST","path":"/Groups","bulkId":"qwerty","data":{"displayName":"Group A","members":[{"type":"Group","value":"bulkId:ytrewq"}]}},
            {"method":"POST","path":"/Groups","bulkId":"ytrewq","data":{"displayName":"Group B","members":[{"type":"Group","value":"bulkId:qwerty"}]}}
            """);

        Assert.All(operations, o => o.AssertFailed(HttpStatusCode.Conflict, null));
        Assert.All(operations, o => Assert.Null(o["location"]));
        Assert.Contains("'qwerty', 'ytrewq'", operations[0]["response"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetListAsync("Groups")).TotalResults());
    }

    [Fact]
    public async Task Bulk_PostReferringToItsOwnBulkId_Is409AndOperationsOutsideTheCycleStillRun()
    {
        var client = await factory.CreateScimClientAsync();

        var operations = await client.BulkOkAsync("""
            {"method":"POST","path":"/Users","bulkId":"self","data":{"userName":"self@example.com",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"bulkId:self"}}}},
            {"method":"POST","path":"/Users","bulkId":"other","data":{"userName":"other@example.com"}}
            """);

        operations[0].AssertFailed(HttpStatusCode.Conflict, null);
        Assert.Equal("201", operations[1].Status());
    }

    [Fact]
    public async Task Bulk_ReferenceToAFailedPost_Is409NamingIt()
    {
        var f = await FixtureF.CreateAsync(factory);

        var operations = await f.Client.BulkOkAsync("""
            {"method":"POST","path":"/Users","bulkId":"dup","data":{"userName":"user1@example.com"}},
            {"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"Team","members":[{"value":"bulkId:dup"}]}},
            {"method":"DELETE","path":"/Users/bulkId:dup"}
            """);

        operations[0].AssertFailed(HttpStatusCode.Conflict, "uniqueness");
        Assert.Contains("Operations[0]", operations[1].AssertFailed(HttpStatusCode.Conflict, null)["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        operations[2].AssertFailed(HttpStatusCode.Conflict, null);
        Assert.Equal(0, (await f.Client.GetListAsync("Groups")).TotalResults());
    }

    [Theory]
    [InlineData("""{"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"Team","members":[{"value":"bulkId:nobody"}]}}""")]
    [InlineData("""{"method":"DELETE","path":"/Users/bulkId:nobody"}""")]
    [InlineData("""{"method":"PUT","path":"/Users","bulkId":"nobody","data":{"userName":"x@example.com"}},{"method":"DELETE","path":"/Users/bulkId:nobody"}""")]
    public async Task Bulk_ReferenceToABulkIdNoPostDeclares_Is400InvalidValue(string operations)
    {
        var client = await factory.CreateScimClientAsync();

        var results = await client.BulkOkAsync(operations);

        results[^1].AssertFailed(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(0, (await client.GetListAsync("Groups")).TotalResults());
    }

    [Fact]
    public async Task Bulk_ReferencesAndPathsNeverReachAnotherOrganization()
    {
        var a = await FixtureF.CreateAsync(factory);
        var created = await a.Client.BulkOkAsync("""{"method":"POST","path":"/Users","bulkId":"u1","data":{"userName":"a-only@example.com"}}""");
        var b = await factory.CreateScimClientAsync();

        var operations = await b.BulkOkAsync($$$"""
            {"method":"PATCH","path":"/Users/bulkId:u1","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}},
            {"method":"PATCH","path":"/Users/{{{a.U1}}}","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}},
            {"method":"DELETE","path":"/Users/{{{created[0].LocationId()}}}"},
            {"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"Stolen","members":[{"value":"{{{a.U1}}}"}]}}
            """);

        operations[0].AssertFailed(HttpStatusCode.BadRequest, "invalidValue");
        operations[1].AssertFailed(HttpStatusCode.NotFound, null);
        operations[2].AssertFailed(HttpStatusCode.NotFound, null);
        operations[3].AssertFailed(HttpStatusCode.BadRequest, "invalidValue");
        Assert.True((await a.GetUserAsync(a.U1))["active"]!.GetValue<bool>());
        Assert.Equal("a-only@example.com", (await a.GetUserAsync(created[0].LocationId()))["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_MoreOperationsThanMaxOperations_Is413NamingTheLimitAndAppliesNothing()
    {
        var client = await factory.CreateScimClientAsync();
        var operations = string.Join(",", Enumerable.Range(0, 1001).Select(i => $$$"""{"method":"POST","path":"/Users","bulkId":"u{{{i}}}","data":{"userName":"u{{{i}}}@example.com"}}"""));

        var error = await (await client.PostJsonAsync("Bulk", BulkHttp.Request(operations))).AssertScimErrorAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("1000", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetListAsync("Users")).TotalResults());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bulk_BodyLargerThanMaxPayloadSize_Is413NamingTheLimitAndAppliesNothing(bool withContentLength)
    {
        // Straight to the server: the factory's default client buffers a body (to resend it on a redirect), which gives
        // every body a Content-Length.
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        using var client = new HttpClient(factory.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var title = new string('x', 60_000);
        var operations = string.Join(",", Enumerable.Range(0, 18).Select(i => $$$"""{"method":"POST","path":"/Users","bulkId":"u{{{i}}}","data":{"userName":"u{{{i}}}@example.com","title":"{{{title}}}"}}"""));
        var body = Encoding.UTF8.GetBytes(BulkHttp.Request(operations));
        Assert.True(body.Length > 1_048_576);
        HttpContent content = withContentLength ? new ByteArrayContent(body) : new UnsizedContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ScimHttp.EntraContentType);

        var error = await (await client.PostAsync("Bulk", content)).AssertScimErrorAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("1048576", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetListAsync("Users")).TotalResults());
    }

    [Theory]
    [InlineData("not json", "invalidSyntax")]
    [InlineData("""["urn:ietf:params:scim:api:messages:2.0:BulkRequest"]""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}""", "invalidSyntax")]
    [InlineData("""{"Operations":[]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":{"method":"DELETE"}}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":["DELETE /Users/1"]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":0,"Operations":[]}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":"1","Operations":[]}""", "invalidValue")]
    [InlineData("""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
         {"method":"POST","path":"/Users","bulkId":"same","data":{"userName":"one@example.com"}},
         {"method":"POST","path":"/Users","bulkId":"same","data":{"userName":"two@example.com"}}]}
        """, "invalidValue")]
    public async Task Bulk_MalformedRequest_Is400ForTheWholeRequestAndAppliesNothing(string body, string scimType)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.PostJsonAsync("Bulk", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, scimType);

        Assert.Equal(0, (await client.GetListAsync("Users")).TotalResults());
    }

    [Theory]
    [InlineData("""{"method":"GET","path":"/Users"}""", "invalidValue")]
    [InlineData("""{"path":"/Users","bulkId":"x","data":{"userName":"x@example.com"}}""", "invalidValue")]
    [InlineData("""{"method":"POST","path":"/Users","data":{"userName":"x@example.com"}}""", "invalidValue")]
    [InlineData("""{"method":"POST","path":"/Users","bulkId":7,"data":{"userName":"x@example.com"}}""", "invalidValue")]
    [InlineData("""{"method":"POST","path":"/Schemas","bulkId":"x","data":{"userName":"x@example.com"}}""", "invalidValue")]
    [InlineData("""{"method":"POST","path":"/Users/123","bulkId":"x","data":{"userName":"x@example.com"}}""", "invalidValue")]
    [InlineData("""{"method":"DELETE","path":"/Users"}""", "invalidValue")]
    [InlineData("""{"method":"PATCH","path":"/Groups/1/members"}""", "invalidValue")]
    [InlineData("""{"method":"PUT","path":"/Users/123"}""", "invalidValue")]
    [InlineData("""{"method":"POST","path":"/Users","bulkId":"x","data":"userName=x"}""", "invalidSyntax")]
    [InlineData("""{"method":"PATCH","path":"/Users/123","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":"replace"}}""", "invalidSyntax")]
    [InlineData("""{"method":"DELETE","path":"/Users/123","version":"3"}""", "invalidValue")]
    [InlineData("""{"method":"POST","path":"/Users","bulkId":"x","data":{"userName":""}}""", "invalidValue")]
    public async Task Bulk_MalformedOperation_FailsAloneWith400(string operation, string scimType)
    {
        var client = await factory.CreateScimClientAsync();

        var operations = await client.BulkOkAsync($$$"""{{{operation}}},{"method":"POST","path":"/Users","bulkId":"fine","data":{"userName":"fine@example.com"}}""");

        operations[0].AssertFailed(HttpStatusCode.BadRequest, scimType);
        Assert.Equal("201", operations[1].Status());
        Assert.Equal(1, (await client.GetListAsync("Users")).TotalResults());
    }

    [Fact]
    public async Task Bulk_EntityTagVersion_IsAccepted()
    {
        var f = await FixtureF.CreateAsync(factory);

        var operations = await f.Client.BulkOkAsync($$"""
            {"method":"DELETE","path":"/Users/{{f.U3}}","version":"W/\"1\""},
            {"method":"DELETE","path":"/Users/{{f.U2}}","version":"\"1\""}
            """);

        Assert.Equal(["204", "204"], operations.Select(o => o.Status()));
    }

    [Fact]
    public async Task Bulk_StaleVersion_Is412AndNotApplied_CurrentVersionApplies()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);
        const string Patch = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"nickName","value":"Changed"}]}""";

        var operations = await f.Client.BulkOkAsync($$"""
            {"method":"PATCH","path":"/Users/{{f.U1}}","version":"W/\"7\"","data":{{Patch}}},
            {"method":"DELETE","path":"/Groups/{{group}}","version":"W/\"9\""},
            {"method":"PATCH","path":"/Users/{{f.U2}}","version":"W/\"1\"","data":{{Patch}}}
            """);

        operations[0].AssertFailed(HttpStatusCode.PreconditionFailed, null);
        operations[1].AssertFailed(HttpStatusCode.PreconditionFailed, null);
        Assert.Equal("200", operations[2].Status());
        Assert.Equal("W/\"2\"", operations[2]["version"]!.GetValue<string>());
        Assert.Equal("Al", (await f.GetUserAsync(f.U1))["nickName"]!.GetValue<string>());
        Assert.Equal([f.U1], await f.MemberIdsAsync(group));
    }

    /// <summary>A body sent without Content-Length (chunked), whose size the server learns only while reading it.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
