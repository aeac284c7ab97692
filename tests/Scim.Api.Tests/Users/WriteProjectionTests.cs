using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// The user a POST, PUT or PATCH answers with honours <c>attributes</c> and <c>excludedAttributes</c> as a GET does
/// (RFC 7644 §3.9); the write itself is whole either way.
/// </summary>
public sealed class WriteProjectionTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Body = """{"userName":"member@example.com","title":"Lead","emails":[{"value":"member@example.com","type":"work"}]}""";

    private const string Patch = """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Lead"}]}
        """;

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Attributes_SelectWhatTheAnswerCarries(string method)
    {
        var (client, id, response) = await WriteAsync(method, "attributes=userName,emails.value");

        var answer = await response.ReadScimAsync(method == "POST" ? HttpStatusCode.Created : HttpStatusCode.OK);
        Assert.Equal(["schemas", "id", "userName", "emails"], answer.Select(p => p.Key));
        Assert.Equal(["value"], Assert.Single(answer["emails"]!.AsArray())!.AsObject().Select(p => p.Key));
        Assert.Equal("Lead", (await client.GetScimAsync($"Users/{id ?? answer["id"]!.GetValue<string>()}"))["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task ExcludedAttributes_LeaveOutWhatTheyName(string method)
    {
        var (client, _, response) = await WriteAsync(method, "excludedAttributes=emails,meta,title");

        var answer = await response.ReadScimAsync(method == "POST" ? HttpStatusCode.Created : HttpStatusCode.OK);
        Assert.False(answer.ContainsKey("emails"));
        Assert.False(answer.ContainsKey("meta"));
        Assert.False(answer.ContainsKey("title"));
        Assert.Equal("member@example.com", answer["userName"]!.GetValue<string>());
        var read = await client.GetScimAsync($"Users/{answer["id"]}?excludedAttributes=emails,meta,title");
        Assert.True(JsonNode.DeepEquals(read, answer), $"write answered {answer}\nGET returns {read}");
    }

    [Fact]
    public async Task CreatedWithAttributes_StillHasLocation()
    {
        var (_, _, response) = await WriteAsync("POST", "attributes=userName");

        var answer = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.False(answer.ContainsKey("meta"));
        Assert.Equal($"http://localhost/Users/{answer["id"]}", response.Headers.Location!.ToString());
    }

    private async Task<(HttpClient Client, string? Id, HttpResponseMessage Response)> WriteAsync(string method, string query)
    {
        var client = await factory.CreateScimClientAsync();
        if (method == "POST")
        {
            return (client, null, await client.PostJsonAsync($"Users?{query}", Body));
        }

        var id = await client.CreateUserAsync("""{"userName":"member@example.com","emails":[{"value":"member@example.com","type":"work"}]}""");
        return (client, id, method == "PUT"
            ? await client.PutJsonAsync($"Users/{id}?{query}", Body)
            : await client.PatchJsonAsync($"Users/{id}?{query}", Patch));
    }
}
