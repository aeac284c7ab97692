using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Scim.Api.Authentication;
using Scim.Domain.Organizations;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary>Calls of the administration API as its clients make them: JSON bodies, a bearer operator secret or API key.</summary>
internal static class AdminHttp
{
    /// <summary>Admits a new operator secret (its hash in Scim:Admin:OperatorKeys, beside none other) and returns it.</summary>
    public static string ConfigureOperator(this ScimApiFactory factory)
    {
        var secret = OperatorKeys.CreateSecret();
        factory.LiveSettings.SetList("Scim:Admin:OperatorKeys", OperatorKeys.EntryOf(secret));
        return secret;
    }

    /// <summary>A client of the administration API at the host root, sending <paramref name="token"/> as a bearer token (none when null).</summary>
    public static HttpClient AdminClient(this ScimApiFactory factory, string? token)
    {
        var client = factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A new organization and a key of it with <paramref name="scopes"/>: its id, and the key's id and token.</summary>
    public static async Task<(Guid OrganizationId, Guid KeyId, string Token)> CreateOrganizationWithKeyAsync(this ScimApiFactory factory, ApiKeyScopes scopes)
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (keyId, token) = await factory.CreateApiKeyAsync(organizationId, scopes);
        return (organizationId, keyId, token);
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="uri"/>, with <paramref name="json"/> as an application/json body when given.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string uri, string? json = null) =>
        client.SendAsync(new HttpRequestMessage(method, uri) { Content = json is null ? null : ScimHttp.Json(json, "application/json") });

    /// <summary>The body as JSON, after asserting the status and that it is application/json.</summary>
    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>POSTs an organization as the operator client <paramref name="client"/>; returns its representation.</summary>
    public static async Task<JsonObject> CreateOrganizationAsync(this HttpClient client, string name) =>
        await (await client.SendJsonAsync(HttpMethod.Post, "/admin/organizations", new JsonObject { ["name"] = name }.ToJsonString()))
            .ReadJsonAsync(HttpStatusCode.Created);
}
