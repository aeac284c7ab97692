using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Errors;

/// <summary>
/// Ids are case-exact strings (RFC 7643 §3.1) and the server issues one form: 36 lower-case characters with dashes
/// (<c>2819c223-7f76-453a-919d-413861904646</c>). Any other spelling of the same GUID (upper-case, braces, no dashes)
/// is an unknown id: 404 in a URL, no match in an <c>id</c> filter, 400 invalidValue as a member or manager to add,
/// a no-op as a member to remove; the resource itself is left as it was.
/// </summary>
public sealed class CanonicalIdTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    public static TheoryData<string, string, string> Requests()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var resource in new[] { "Users", "Groups" })
        {
            foreach (var method in new[] { "GET", "PUT", "PATCH", "DELETE" })
            {
                foreach (var form in new[] { "upper", "braces", "digits", "parentheses" })
                {
                    data.Add(resource, method, form);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task NonCanonicalIdInUrl_Is404AndChangesNothing(string resource, string method, string form)
    {
        var client = await factory.CreateScimClientAsync();
        var id = resource == "Users"
            ? await client.CreateUserAsync("""{"userName":"user1@example.com"}""")
            : await client.CreateGroupAsync("""{"displayName":"Sales"}""");
        var before = await client.GetScimAsync($"{resource}/{id}");
        var spelled = Spell(id, form);
        var body = resource == "Users" ? """{"userName":"renamed@example.com"}""" : """{"displayName":"Renamed"}""";
        var patch = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"externalId","value":"x"}]}""";

        var response = method switch
        {
            "GET" => await client.GetAsync($"{resource}/{spelled}"),
            "PUT" => await client.PutJsonAsync($"{resource}/{spelled}", body),
            "PATCH" => await client.PatchJsonAsync($"{resource}/{spelled}", patch),
            _ => await client.DeleteAsync($"{resource}/{spelled}"),
        };

        await response.AssertScimErrorAsync(HttpStatusCode.NotFound);
        await client.AssertReadsBackAsync($"{resource}/{id}", before);
    }

    [Theory]
    [InlineData("Users")]
    [InlineData("Groups")]
    public async Task IdFilterWithUpperCaseId_MatchesNothing(string resource)
    {
        var client = await factory.CreateScimClientAsync();
        var id = resource == "Users"
            ? await client.CreateUserAsync("""{"userName":"user1@example.com"}""")
            : await client.CreateGroupAsync("""{"displayName":"Sales"}""");

        Assert.Equal(0, (await client.GetListAsync($"{resource}?filter=id eq \"{id.ToUpperInvariant()}\"")).TotalResults());
        Assert.Equal(1, (await client.GetListAsync($"{resource}?filter=id eq \"{id}\"")).TotalResults());
    }

    [Fact]
    public async Task UpperCaseMemberToAdd_Is400InvalidValue()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        var response = await f.Client.PatchJsonAsync($"Groups/{group}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members","value":[{"value":"{{f.U2.ToUpperInvariant()}}"}]}]}
            """);

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains(f.U2.ToUpperInvariant(), error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([f.U1], await f.MemberIdsAsync(group));
    }

    [Theory]
    [InlineData("""{"op":"remove","path":"members[value eq \"<id>\"]"}""")]
    [InlineData("""{"op":"remove","path":"members","value":[{"value":"<id>"}]}""")]
    public async Task UpperCaseMemberToRemove_RemovesNothing(string operation)
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        await f.PatchGroupOkAsync(group, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{{operation.Replace("<id>", f.U1.ToUpperInvariant())}}]}
            """);

        Assert.Equal([f.U1], await f.MemberIdsAsync(group));
    }

    [Fact]
    public async Task UpperCaseManager_Is400InvalidValue()
    {
        var f = await FixtureF.CreateAsync(factory);
        var before = await f.GetUserAsync(f.U1);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{f.U2.ToUpperInvariant()}}"}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await f.Client.AssertReadsBackAsync($"Users/{f.U1}", before);
    }

    private static string Spell(string id, string form)
    {
        var guid = Guid.Parse(id);
        return form switch
        {
            "upper" => id.ToUpperInvariant(),
            "braces" => Uri.EscapeDataString(guid.ToString("B")),
            "parentheses" => Uri.EscapeDataString(guid.ToString("P")),
            _ => guid.ToString("N"),
        };
    }
}
