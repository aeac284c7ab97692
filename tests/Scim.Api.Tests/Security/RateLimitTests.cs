using System.Net;
using Scim.Api.Tests.Admin;
using Scim.Api.Tests.Journal;
using Scim.Domain.Journal;
using Scim.Testing;

namespace Scim.Api.Tests.Security;

/// <summary>
/// Rate limits (<c>Scim:RateLimits</c>): each organization's token bucket, its own limit set through the administration
/// API, and the refused tokens of a client address; beyond each, 429 with Retry-After and a SCIM error (RFC 6585 §4).
/// </summary>
public sealed class RateLimitTests
{
    // Each server below has its own limits; requests run back to back, far faster than one a second refills.
    private const int MaxRequests = 50;

    [Fact]
    public async Task Burst_BeyondTheOrganizationsBucket_Is429WithRetryAfterAndAScimError()
    {
        using var factory = Limited(("Scim:RateLimits:RequestsPerSecond", "1"), ("Scim:RateLimits:Burst", "3"));
        var client = await factory.CreateScimClientAsync();

        var (accepted, refused) = await FloodAsync(client);

        Assert.InRange(accepted, 3, 10);
        await AssertTooManyRequestsAsync(refused!, "1 requests per second (bursts of 3)");
    }

    [Fact]
    public async Task OneOrganizationsFlood_NeverRefusesAnothersRequests()
    {
        using var factory = Limited(("Scim:RateLimits:RequestsPerSecond", "1"), ("Scim:RateLimits:Burst", "3"));
        var noisy = await factory.CreateScimClientAsync();
        var quiet = await factory.CreateScimClientAsync();

        var (_, refused) = await FloodAsync(noisy);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused!.StatusCode);
        var response = await quiet.GetAsync("Users");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task LargeBodies_CountOncePerStarted4KiB_AndOneBeyondTheBucketIs429_AndChangesNothing()
    {
        using var factory = Limited(("Scim:RateLimits:RequestsPerSecond", "1"), ("Scim:RateLimits:Burst", "60"));
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"weighed@example.com"}""");

        // About 60 KB each: 15 of the bucket's 60 tokens, so the fourth finds too few left (a small request would not).
        for (var i = 0; i < 3; i++)
        {
            await (await client.PatchJsonAsync($"Users/{id}", LongTitle((char)('a' + i)))).ReadScimAsync(HttpStatusCode.OK);
        }

        await AssertTooManyRequestsAsync(await client.PatchJsonAsync($"Users/{id}", LongTitle('d')), "once per started 4 KiB of body (this one 15 times)");
        // Without Content-Length, the body is weighed once read.
        var chunked = new Hosting.ChunkedContent(System.Text.Encoding.UTF8.GetBytes(LongTitle('e')));
        await AssertTooManyRequestsAsync(await client.PatchAsync($"Users/{id}", chunked), "(this one 15 times)");

        var user = await client.GetScimAsync($"Users/{id}");
        Assert.Equal(new string('c', 60_000), user["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task LargeBody_RefusedForItsWeight_IsAcceptedOnceItsRetryAfterHasPassed()
    {
        using var factory = Limited(("Scim:RateLimits:RequestsPerSecond", "10"), ("Scim:RateLimits:Burst", "20"));
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"patient@example.com"}""");
        await (await client.PatchJsonAsync($"Users/{id}", LongTitle('a'))).ReadScimAsync(HttpStatusCode.OK);

        var refused = await client.PatchJsonAsync($"Users/{id}", LongTitle('b'));
        await AssertTooManyRequestsAsync(refused, "(this one 15 times)");
        await Task.Delay(TimeSpan.FromSeconds(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture)));

        await (await client.PatchJsonAsync($"Users/{id}", LongTitle('b'))).ReadScimAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BucketOfOneToken_TakesALargeBodyForItsRequestsOwnToken()
    {
        using var factory = Limited(("Scim:RateLimits:RequestsPerSecond", "1"), ("Scim:RateLimits:Burst", "1"));
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users", (
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"one@example.com","title":"{{new string('t', 6_000)}}"}"""));

        await response.ReadScimAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task OrganizationsOwnLimit_SetThroughTheAdministrationApi_AppliesFromTheNextRequest_AndNullGivesBackTheDeployments()
    {
        using var factory = Limited();
        var operatorClient = factory.AdminClient(factory.ConfigureOperator());
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (_, otherToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Users")).StatusCode);

        var changed = await (await operatorClient.SendJsonAsync(HttpMethod.Patch, $"/admin/organizations/{organizationId}",
            """{"rateLimit":{"requestsPerSecond":1,"burst":2}}""")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("""{"requestsPerSecond":1,"burst":2,"source":"organization"}""", changed["rateLimit"]!.ToJsonString());
        var (accepted, refused) = await FloodAsync(client);
        Assert.InRange(accepted, 2, 10);
        await AssertTooManyRequestsAsync(refused!, "1 requests per second (bursts of 2)");
        var other = factory.CreateClientWithToken(otherToken);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("Users")).StatusCode);
        }

        var reset = await (await operatorClient.SendJsonAsync(HttpMethod.Put, $"/admin/organizations/{organizationId}", """{"rateLimit":null}"""))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("""{"requestsPerSecond":100,"burst":200,"source":"deployment"}""", reset["rateLimit"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Users")).StatusCode);
        var journaled = (await factory.ReadJournalAsync(organizationId)).Where(r => r.Slice == "SetOrganizationRateLimit").ToList();
        Assert.Equal([(JournalOperation.Patch, "operator", "1/s, burst 2"), (JournalOperation.Patch, "operator", "default")],
            journaled.Select(r => (r.Operation, r.KeyLabel, r.Detail)));
        Assert.All(journaled, r => Assert.Equal(["rateLimit"], r.Attributes));
    }

    [Theory]
    [InlineData("""{"rateLimit":{"requestsPerSecond":0}}""", "'rateLimit.requestsPerSecond' must be a whole number from 1 to 100,000.")]
    [InlineData("""{"rateLimit":{"burst":10}}""", "'rateLimit.burst' needs 'rateLimit.requestsPerSecond' beside it.")]
    [InlineData("""{"rateLimit":{"requestsPerSecond":10,"burst":5}}""", "'rateLimit.burst' must be a whole number from 'requestsPerSecond' (10) to 1,000,000.")]
    [InlineData("""{"name":"taken-by-nobody","rateLimit":{"requestsPerSecond":-1}}""", "'rateLimit.requestsPerSecond' must be a whole number from 1 to 100,000.")]
    public async Task OrganizationsOwnLimit_OutOfRange_Is400InvalidValue_AndChangesNothing(string body, string detail)
    {
        using var factory = new ScimApiFactory();
        var operatorClient = factory.AdminClient(factory.ConfigureOperator());
        var created = await operatorClient.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");

        var response = await operatorClient.SendJsonAsync(HttpMethod.Patch, $"/admin/organizations/{created["id"]}", body);

        Assert.Equal(detail, (await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue"))["detail"]!.GetValue<string>());
        Assert.Equal(created.ToJsonString(), (await operatorClient.GetAdminAsync($"/admin/organizations/{created["id"]}")).ToJsonString());
    }

    [Fact]
    public async Task RefusedTokens_BeyondTheClientAddressesLimit_Are429_AndSoIsAValidTokenFromThatAddress()
    {
        using var factory = Limited(("Scim:RateLimits:RefusedTokensPerMinute", "3"));
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var guesser = factory.CreateClientWithToken("scim_0000000000000000000000000000000000000000");

        for (var i = 0; i < 3; i++)
        {
            await (await guesser.GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        }

        await AssertTooManyRequestsAsync(await guesser.GetAsync("Users"), "more than 3 requests with a refused bearer token within a minute");
        await AssertTooManyRequestsAsync(await factory.CreateClientWithToken(token).GetAsync("Users"), "refused bearer token");
    }

    // A PATCH of about 60 KB: 15 tokens.
    private static string LongTitle(char letter) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"{{new string(letter, 60_000)}}"}]}""";

    // A server with the rate limits on (the test factory turns them off), the deployment's defaults where not given.
    private static ScimApiFactory Limited(params (string Key, string Value)[] settings) =>
        new() { Settings = settings.Append((Key: "Scim:RateLimits:Enabled", Value: "true")).ToDictionary(s => s.Key, s => s.Value) };

    // Sends GET /Users until one is refused: how many were accepted, and the refusal (null if none within MaxRequests).
    private static async Task<(int Accepted, HttpResponseMessage? Refused)> FloodAsync(HttpClient client)
    {
        for (var i = 0; i < MaxRequests; i++)
        {
            var response = await client.GetAsync("Users");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (i, response);
            }
        }

        return (MaxRequests, null);
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response, string detail)
    {
        var error = await response.AssertScimErrorAsync(HttpStatusCode.TooManyRequests);
        Assert.Null(error["scimType"]);
        Assert.Contains(detail, error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }
}
