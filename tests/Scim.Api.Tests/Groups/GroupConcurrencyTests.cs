using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>Parallel requests against one organization, as many Entra jobs send them.</summary>
public sealed class GroupConcurrencyTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task PatchGroup_ParallelMemberAdds_AllLand()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync();

        await Task.WhenAll(new[] { f.U1, f.U2, f.U3 }.Select(id => f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Add","path":"members","value":[{"value":"{{id}}"}]}]}
            """)));

        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2, f.U3), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task CreateGroup_TwoIdenticalPostsInParallel_OneCreatedOneConflict()
    {
        var client = await factory.CreateScimClientAsync();
        const string body = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Race"}""";

        var responses = await Task.WhenAll(client.PostJsonAsync("Groups", body), client.PostJsonAsync("Groups", body));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order().ToArray());
        Assert.Equal(1, (await client.GetListAsync("Groups?filter=displayName%20eq%20%22Race%22")).TotalResults());
    }

    [Fact]
    public async Task CreateGroup_WithMicrosoftSchemaUri_IsAccepted()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group"],
             "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Group1DisplayName","meta":{"resourceType":"Group"},"members":[]}
            """);

        var group = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal("Group1DisplayName", group["displayName"]!.GetValue<string>());
        Assert.Equal("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159", group["externalId"]!.GetValue<string>());
    }
}
