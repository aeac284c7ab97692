using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Security;

/// <summary>Each organization sees only its own users and groups, whatever id or filter it sends.</summary>
public sealed class TenantIsolationTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task OtherOrganization_CannotReadOrChangeUserById()
    {
        var a = await FixtureF.CreateAsync(factory);
        var b = await factory.CreateScimClientAsync();

        await (await b.GetAsync($"Users/{a.U1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await b.PutJsonAsync($"Users/{a.U1}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"hijacked@example.com"}
            """)).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await b.PatchJsonAsync($"Users/{a.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"active","value":false}]}
            """)).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await b.DeleteAsync($"Users/{a.U1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);

        var user = await a.GetUserAsync(a.U1);
        Assert.Equal("user1@example.com", user["userName"]!.GetValue<string>());
        Assert.True(user["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task OtherOrganization_CannotReadOrChangeGroupById()
    {
        var a = await FixtureF.CreateAsync(factory);
        var g1 = await a.CreateSalesGroupAsync(a.U1);
        var b = await factory.CreateScimClientAsync();

        await (await b.GetAsync($"Groups/{g1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await b.PutJsonAsync($"Groups/{g1}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Hijacked"}
            """)).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await b.PatchJsonAsync($"Groups/{g1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"remove","path":"members"}]}
            """)).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await b.DeleteAsync($"Groups/{g1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);

        Assert.Equal("Sales", (await a.Client.GetScimAsync($"Groups/{g1}"))["displayName"]!.GetValue<string>());
        Assert.Equal([a.U1], await a.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task OtherOrganization_CannotFindUsersOrGroupsByAnyFilter()
    {
        var a = await FixtureF.CreateAsync(factory);
        await a.Client.PatchUserOkAsync(a.U1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"externalId","value":"ext-a-1"}]}
            """);
        var g1 = await a.Client.CreateGroupAsync("""{"displayName":"Secret Group","externalId":"grp-a-1"}""");
        var b = await factory.CreateScimClientAsync();

        string[] queries =
        [
            $"Users?filter=id%20eq%20%22{a.U1}%22",
            "Users?filter=userName%20eq%20%22user1%40example.com%22",
            "Users?filter=externalId%20eq%20%22ext-a-1%22",
            "Users?filter=userName%20sw%20%22user%22",
            "Users",
            $"Groups?filter=id%20eq%20%22{g1}%22",
            "Groups?filter=displayName%20eq%20%22Secret%20Group%22",
            "Groups?filter=externalId%20eq%20%22grp-a-1%22",
            "Groups",
        ];
        foreach (var query in queries)
        {
            var list = await b.GetListAsync(query);
            Assert.True(list.TotalResults() == 0, $"{query} found {list}");
        }

        var search = await (await b.PostJsonAsync("Users/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName eq \"user1@example.com\""}""")).ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal(0, search.TotalResults());
    }

    [Fact]
    public async Task OtherOrganization_CannotAddForeignUserAsMember()
    {
        var a = await FixtureF.CreateAsync(factory);
        var b = await FixtureF.CreateAsync(factory);
        var bGroup = await b.CreateSalesGroupAsync(b.U1);

        var patch = await b.Client.PatchJsonAsync($"Groups/{bGroup}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members","value":[{"value":"{{a.U1}}"}]}]}
            """);
        await patch.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal([b.U1], await b.MemberIdsAsync(bGroup));

        var post = await b.Client.PostJsonAsync("Groups", $$"""
            {"displayName":"Poached","members":[{"value":"{{a.U2}}"}]}
            """);
        await post.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        var put = await b.Client.PutJsonAsync($"Groups/{bGroup}", $$"""
            {"displayName":"Sales","members":[{"value":"{{a.U3}}"}]}
            """);
        await put.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal([b.U1], await b.MemberIdsAsync(bGroup));
    }

    [Fact]
    public async Task OtherOrganization_CannotSetForeignUserAsManager()
    {
        var a = await FixtureF.CreateAsync(factory);
        var b = await FixtureF.CreateAsync(factory);

        var patch = await b.Client.PatchJsonAsync($"Users/{b.U1}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{a.U1}}"}]}
            """);
        await patch.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Null((await b.GetUserAsync(b.U1))["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]?["manager"]);

        var post = await b.Client.PostJsonAsync("Users", $$"""
            {"userName":"report@example.com",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"{{a.U1}}"}
             }
            }
            """);
        await post.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task SameUserNameAndGroupName_MayExistInTwoOrganizations()
    {
        var a = await FixtureF.CreateAsync(factory);
        var g1 = await a.CreateSalesGroupAsync();
        var b = await factory.CreateScimClientAsync();

        var user = await b.PostJsonAsync("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user1@example.com"}
            """);
        var group = await b.PostJsonAsync("Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales"}
            """);

        var bUser = await user.ReadScimAsync(HttpStatusCode.Created);
        var bGroup = await group.ReadScimAsync(HttpStatusCode.Created);
        Assert.NotEqual(a.U1, bUser["id"]!.GetValue<string>());
        Assert.NotEqual(g1, bGroup["id"]!.GetValue<string>());
        Assert.Equal(1, (await a.Client.GetListAsync("Users?filter=userName%20eq%20%22user1%40example.com%22")).TotalResults());
        Assert.Equal(1, (await b.GetListAsync("Users?filter=userName%20eq%20%22user1%40example.com%22")).TotalResults());
    }

    [Fact]
    public async Task TwoOrganizations_UnderConcurrentLoad_EachSeesOnlyItsOwnUsers()
    {
        // Database contexts are pooled and reused across requests: a context must never carry one request's
        // organization into another's.
        var a = await factory.CreateScimClientAsync();
        var b = await factory.CreateScimClientAsync();
        var aId = await a.CreateUserAsync("""{"userName":"shared@example.com","displayName":"Org A"}""");
        var bId = await b.CreateUserAsync("""{"userName":"shared@example.com","displayName":"Org B"}""");

        var requests = Enumerable.Range(0, 200).Select(async i =>
        {
            var (client, ownId, otherId, display) = i % 2 == 0 ? (a, aId, bId, "Org A") : (b, bId, aId, "Org B");
            var kind = i / 2 % 3;
            var response = kind switch
            {
                0 => await client.GetAsync($"Users/{ownId}"),
                1 => await client.GetAsync("Users?filter=userName%20eq%20%22shared%40example.com%22"),
                _ => await client.GetAsync($"Users/{otherId}"),
            };
            var body = await response.Content.ReadAsStringAsync();
            return (i, response.StatusCode, body, display, Own: kind != 2);
        });

        foreach (var (i, status, body, display, own) in await Task.WhenAll(requests))
        {
            Assert.True(own ? status == HttpStatusCode.OK : status == HttpStatusCode.NotFound, $"request {i}: {status} {body}");
            Assert.DoesNotContain(display == "Org A" ? "Org B" : "Org A", body, StringComparison.Ordinal);
            if (own)
            {
                Assert.Contains(display, body, StringComparison.Ordinal);
            }
        }
    }
}
