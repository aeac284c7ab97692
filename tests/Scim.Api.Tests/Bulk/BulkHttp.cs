using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Bulk;

/// <summary>Sends BulkRequest messages and reads the BulkResponse back.</summary>
internal static class BulkHttp
{
    /// <summary>A BulkRequest with <paramref name="operations"/> (the elements of Operations, as JSON) and optional failOnErrors.</summary>
    public static string Request(string operations, int? failOnErrors = null) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"]{{(failOnErrors is { } n ? $",\"failOnErrors\":{n}" : "")}},"Operations":[{{operations}}]}""";

    /// <summary>POSTs the request to /Bulk, asserts 200 with a BulkResponse, and returns its Operations.</summary>
    public static async Task<List<JsonObject>> BulkOkAsync(this HttpClient client, string operations, int? failOnErrors = null)
    {
        var response = await (await client.PostJsonAsync("Bulk", Request(operations, failOnErrors))).ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal(["urn:ietf:params:scim:api:messages:2.0:BulkResponse"], response["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        return [.. response["Operations"]!.AsArray().Select(o => o!.AsObject())];
    }

    /// <summary>The operation's status (a string on the wire).</summary>
    public static string Status(this JsonObject operation) => operation["status"]!.GetValue<string>();

    /// <summary>The id at the end of the operation's location.</summary>
    public static string LocationId(this JsonObject operation) => operation["location"]!.GetValue<string>().Split('/')[^1];

    /// <summary>Asserts a failed operation: its status, and a SCIM error with that status, scimType and a detail as response.</summary>
    public static JsonObject AssertFailed(this JsonObject operation, HttpStatusCode status, string? scimType)
    {
        var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(code == operation.Status(), $"Expected {code}: {operation}");
        var error = operation["response"]!.AsObject();
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error["schemas"]![0]!.GetValue<string>());
        Assert.Equal(code, error["status"]!.GetValue<string>());
        Assert.Equal(scimType, error["scimType"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["detail"]?.GetValue<string>()));
        return error;
    }
}
