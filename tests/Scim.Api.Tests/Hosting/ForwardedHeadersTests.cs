using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy (Scim:ForwardedHeaders): the proxy's <c>X-Forwarded-Proto</c>, <c>-Host</c> and
/// <c>-Prefix</c> make <c>Location</c>, <c>meta.location</c> and <c>$ref</c> the public URL, when the request comes from a
/// configured proxy; from any other address they change nothing. <c>Scim:PublicBaseUrl</c>, when set, wins.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string> Forwarded = new()
    {
        ["X-Forwarded-Proto"] = "https",
        ["X-Forwarded-Host"] = "scim.example.com",
        ["X-Forwarded-Prefix"] = "/tenant-a",
    };

    [Fact]
    public async Task FromAKnownProxy_LocationMetaLocationAndRef_AreThePublicUrl()
    {
        using var factory = new ScimApiFactory { Settings = new Dictionary<string, string> { ["Scim:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" } };
        var (created, user, group) = await CreateUserAndGroupAsync(factory);

        var location = created.Headers.Location!.ToString();
        Assert.StartsWith("https://scim.example.com/tenant-a/Users/", location, StringComparison.Ordinal);
        Assert.Equal(location, user["meta"]!["location"]!.GetValue<string>());
        Assert.StartsWith("https://scim.example.com/tenant-a/Groups/", group["meta"]!["location"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(location, group["members"]![0]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task FromAKnownNetwork_AreThePublicUrl()
    {
        using var factory = new ScimApiFactory { Settings = new Dictionary<string, string> { ["Scim:ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8" } };
        var (created, _, _) = await CreateUserAndGroupAsync(factory);

        Assert.StartsWith("https://scim.example.com/tenant-a/Users/", created.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("")]
    public async Task FromAnUnknownAddress_AreIgnored(string knownProxy)
    {
        var settings = knownProxy.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Scim:ForwardedHeaders:KnownProxies:0"] = knownProxy };
        using var factory = new ScimApiFactory { Settings = settings };
        var (created, user, _) = await CreateUserAndGroupAsync(factory, out var address);

        var location = created.Headers.Location!.ToString();
        Assert.StartsWith($"{address.GetLeftPart(UriPartial.Authority)}/Users/", location, StringComparison.Ordinal);
        Assert.Equal(location, user["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task PublicBaseUrl_WinsOverForwardedHeaders()
    {
        using var factory = new ScimApiFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Scim:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
                ["Scim:PublicBaseUrl"] = "https://scim.eu.example.com/scim",
            },
        };
        var (created, _, _) = await CreateUserAndGroupAsync(factory);

        Assert.StartsWith("https://scim.eu.example.com/scim/Users/", created.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static Task<(HttpResponseMessage Created, JsonObject User, JsonObject Group)> CreateUserAndGroupAsync(ScimApiFactory factory) =>
        CreateUserAndGroupAsync(factory, out _);

    // A user, then a group with that user as its member, both posted with the forwarded headers over Kestrel from 127.0.0.1.
    private static Task<(HttpResponseMessage Created, JsonObject User, JsonObject Group)> CreateUserAndGroupAsync(ScimApiFactory factory, out Uri address)
    {
        address = KestrelScimServer.Start(factory);
        return PostAsync(factory, address);

        static async Task<(HttpResponseMessage, JsonObject, JsonObject)> PostAsync(ScimApiFactory factory, Uri address)
        {
            var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
            using var client = KestrelScimServer.Client(address, token);
            foreach (var (name, value) in Forwarded)
            {
                client.DefaultRequestHeaders.Add(name, value);
            }

            var created = await client.PostAsJsonAsync("Users", new JsonObject { ["userName"] = $"ada-{Guid.NewGuid():N}" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var user = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
            var groupCreated = await client.PostAsJsonAsync("Groups", new JsonObject
            {
                ["displayName"] = $"engineers-{Guid.NewGuid():N}",
                ["members"] = new JsonArray(new JsonObject { ["value"] = user["id"]!.GetValue<string>() }),
            });
            Assert.Equal(HttpStatusCode.Created, groupCreated.StatusCode);
            return (created, user, (await groupCreated.Content.ReadFromJsonAsync<JsonObject>())!);
        }
    }
}
