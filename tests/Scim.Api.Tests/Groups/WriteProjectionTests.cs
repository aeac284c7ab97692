using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>
/// The group a POST or PUT answers with honours <c>attributes</c> and <c>excludedAttributes</c> (RFC 7644 §3.9). A
/// PATCH answers 204 No Content, unless the request asks for attributes (either parameter): then 200 with the patched
/// group as the parameters select it (RFC 7644 §3.5.2).
/// </summary>
public sealed class WriteProjectionTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string AddU2 = """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"<u2>"}]}]}
        """;

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task ExcludedAttributesMembers_LeavesMembersOut(string method)
    {
        var f = await FixtureF.CreateAsync(factory);
        var body = $$"""{"displayName":"Sales","externalId":"s-1","members":[{"value":"{{f.U1}}"}]}""";
        var response = method == "POST"
            ? await f.Client.PostJsonAsync("Groups?excludedAttributes=members", body)
            : await f.Client.PutJsonAsync($"Groups/{await f.CreateSalesGroupAsync()}?excludedAttributes=members", body);

        var answer = await response.ReadScimAsync(method == "POST" ? HttpStatusCode.Created : HttpStatusCode.OK);
        Assert.False(answer.ContainsKey("members"));
        Assert.Equal("s-1", answer["externalId"]!.GetValue<string>());
        Assert.Equal([f.U1], await f.MemberIdsAsync(answer["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task Attributes_SelectWhatTheAnswerCarries(string method)
    {
        var f = await FixtureF.CreateAsync(factory);
        var body = $$"""{"displayName":"Sales","externalId":"s-1","members":[{"value":"{{f.U1}}"}]}""";
        var response = method == "POST"
            ? await f.Client.PostJsonAsync("Groups?attributes=displayName", body)
            : await f.Client.PutJsonAsync($"Groups/{await f.CreateSalesGroupAsync()}?attributes=displayName", body);

        var answer = await response.ReadScimAsync(method == "POST" ? HttpStatusCode.Created : HttpStatusCode.OK);
        Assert.Equal(["schemas", "id", "displayName"], answer.Select(p => p.Key));
    }

    [Fact]
    public async Task Patch_WithoutParameters_Is204()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        await f.PatchGroupOkAsync(group, AddU2.Replace("<u2>", f.U2, StringComparison.Ordinal));

        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2), await f.MemberIdsAsync(group));
    }

    [Fact]
    public async Task Patch_WithAttributes_Is200WithTheSelectedAttributes()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        var response = await f.Client.PatchJsonAsync($"Groups/{group}?attributes=members.value", AddU2.Replace("<u2>", f.U2, StringComparison.Ordinal));

        var answer = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal(["schemas", "id", "members"], answer.Select(p => p.Key));
        string[] members = [.. answer["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2), members);
    }

    [Fact]
    public async Task Patch_WithExcludedAttributes_Is200WithoutThem()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        var response = await f.Client.PatchJsonAsync($"Groups/{group}?excludedAttributes=members", AddU2.Replace("<u2>", f.U2, StringComparison.Ordinal));

        var answer = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.False(answer.ContainsKey("members"));
        await f.Client.AssertReadsBackAsync($"Groups/{group}?excludedAttributes=members", answer);
    }
}
