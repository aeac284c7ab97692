using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Scim.Client.Tests.Infrastructure;

/// <summary>
/// A stand-in for a server with RFC 9865 cursor paging, which this server does not have yet: GET /Users serves five
/// users as pages of two, <c>cursor</c> empty or absent for the first page and then <c>c1</c>, <c>c2</c>, with
/// <c>nextCursor</c> on every page but the last and no <c>totalResults</c> (RFC 9865 §2 allows leaving it out). A
/// <c>startIndex</c> is refused, so a client that pages by index fails.
/// </summary>
public sealed class CursorPagingServer : HttpMessageHandler
{
    private static readonly Dictionary<string, (string[] UserNames, string? NextCursor)> Pages = new()
    {
        [""] = (["u1", "u2"], "c1"),
        ["c1"] = (["u3", "u4"], "c2"),
        ["c2"] = (["u5"], null),
    };

    /// <summary>Whether /ServiceProviderConfig says <c>pagination.cursor: true</c> (RFC 9865 §4).</summary>
    public bool AdvertiseCursors { get; init; }

    /// <summary>A cursor answered with 400 <c>expiredCursor</c> (RFC 9865 §2.2) instead of its page.</summary>
    public string? ExpiredCursor { get; init; }

    /// <summary>The query parameters of each GET /Users, in order.</summary>
    public List<Dictionary<string, StringValues>> UserQueries { get; } = [];

    /// <summary>A generated client on this server.</summary>
    public IScimClient CreateClient() =>
        new ScimClient(new HttpClient(this, disposeHandler: false) { BaseAddress = new Uri("http://scim.example/") });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(request.RequestUri!.AbsolutePath switch
        {
            "/ServiceProviderConfig" => Json(HttpStatusCode.OK, ServiceProviderConfig()),
            "/Users" => Users(QueryHelpers.ParseQuery(request.RequestUri.Query)),
            _ => Json(HttpStatusCode.NotFound, Error("404", null)),
        });
    }

    private HttpResponseMessage Users(Dictionary<string, StringValues> query)
    {
        UserQueries.Add(query);
        var cursor = query.TryGetValue("cursor", out var value) ? value.ToString() : "";
        if (query.ContainsKey("startIndex") || !Pages.TryGetValue(cursor, out var page))
        {
            return Json(HttpStatusCode.BadRequest, Error("400", "invalidCursor"));
        }

        if (cursor == ExpiredCursor)
        {
            return Json(HttpStatusCode.BadRequest, Error("400", "expiredCursor"));
        }

        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:ListResponse"),
            ["itemsPerPage"] = page.UserNames.Length,
            ["Resources"] = new JsonArray([.. page.UserNames.Select(User)]),
        };
        if (page.NextCursor is not null)
        {
            body["nextCursor"] = page.NextCursor;
        }

        return Json(HttpStatusCode.OK, body);
    }

    private static JsonNode User(string userName) => new JsonObject
    {
        ["schemas"] = new JsonArray(ScimSchemas.User),
        ["id"] = "id-" + userName,
        ["userName"] = userName,
        ["meta"] = new JsonObject { ["resourceType"] = "User" },
    };

    private JsonObject ServiceProviderConfig()
    {
        var config = new JsonObject { ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig") };
        if (AdvertiseCursors)
        {
            config["pagination"] = new JsonObject { ["cursor"] = true, ["index"] = false, ["defaultPaginationMethod"] = "cursor" };
        }

        return config;
    }

    private static JsonObject Error(string status, string? scimType) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:Error"),
        ["status"] = status,
        ["scimType"] = scimType,
        ["detail"] = "Refused by the test server.",
    };

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, ScimClient.MediaType) };
}
