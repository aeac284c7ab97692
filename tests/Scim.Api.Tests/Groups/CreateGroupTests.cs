using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>
/// POST /Groups (RFC 7644 §3.3) answers 201 with the group: Entra's Microsoft schema URI is accepted and missing
/// schemas are filled in; displayName is unique, so a second group of that name, even from a parallel request, is 409.
/// </summary>
public sealed class CreateGroupTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
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

    [Fact]
    public async Task CreateGroup_WithoutSchemas_FillsThemIn_BC39()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Groups", """{"displayName":"No Schemas"}""");

        var body = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal(["urn:ietf:params:scim:schemas:core:2.0:Group"], body["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateGroup_DuplicateDisplayName_Is409Uniqueness()
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Finance"}""");

        var response = await client.PostJsonAsync("Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Finance"}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task CreateGroup_TwoIdenticalPostsInParallel_OneCreatedOneConflict()
    {
        var client = await factory.CreateScimClientAsync();
        const string body = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Race"}""";

        var responses = await Task.WhenAll(client.PostJsonAsync("Groups", body), client.PostJsonAsync("Groups", body));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order().ToArray());
        var id = (await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ReadScimAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var conflict = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        Assert.Contains($"Group {id}", conflict["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, (await client.GetListAsync("Groups?filter=displayName%20eq%20%22Race%22")).TotalResults());
    }
}
