using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// A PATCH value filter compares an element's value as /Schemas says (RFC 7643 §2.2, §2.3.6, §2.3.7): a photo's URL
/// and a certificate's base64 text exactly, an e-mail address in any case.
/// </summary>
public sealed class PatchUserValueFilterTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Fact]
    public async Task CaseExact_values_match_exactly_and_others_in_any_case()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""
            {"userName":"photo@example.com","emails":[{"value":"Photo@Example.com"}],
             "photos":[{"value":"https://Photos.Example.com/A.jpg"}],"x509Certificates":[{"value":"MIIBase64Ab=="}]}
            """);

        await client.PatchUserOkAsync(id, $$"""
            {"schemas":["{{PatchOp}}"],"Operations":[
              {"op":"remove","path":"photos[value eq \"https://photos.example.com/a.jpg\"]"},
              {"op":"remove","path":"x509Certificates[value eq \"miibase64ab==\"]"},
              {"op":"remove","path":"emails[value eq \"photo@example.com\"]"}]}
            """);
        var user = await client.GetScimAsync($"Users/{id}");

        Assert.Equal("https://Photos.Example.com/A.jpg", user["photos"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("MIIBase64Ab==", user["x509Certificates"]![0]!["value"]!.GetValue<string>());
        Assert.Null(user["emails"]);
    }
}
