using System.Globalization;
using System.Text.Json;
using Scim.Application.Common.Resources;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Bulk;

/// <summary>What one bulk operation gave, as its element of the BulkResponse's <c>Operations</c> (RFC 7644 §3.7.3).</summary>
/// <param name="MethodName"><c>method</c>, as the request gave it.</param>
/// <param name="BulkId"><c>bulkId</c>, when the request gave one.</param>
/// <param name="Location"><c>location</c>: the resource's absolute URL; null for a failed POST, which created nothing.</param>
/// <param name="Version"><c>version</c>: the resource's <c>meta.version</c> after the operation, when it has one.</param>
/// <param name="Status"><c>status</c>: the HTTP status the single request would have answered with.</param>
/// <param name="Resource">For a success with a body (201, 200): the resource as the single request answers it, as JSON.</param>
/// <param name="Error">For a failure: the SCIM error, written as <c>response</c>.</param>
internal sealed record BulkOperationResult(
    string? MethodName, string? BulkId, string? Location, string? Version, int Status, ReadOnlyMemory<byte>? Resource, ScimError? Error);

/// <summary>
/// The BulkResponse message (RFC 7644 §3.7.3):
/// <c>{"schemas":[BulkResponse URN],"Operations":[{"method":"POST","bulkId":"u1","location":"https://.../Users/...","status":"201","response":{...}}]}</c>,
/// one element per operation that ran, in request order.
/// </summary>
internal sealed class BulkResponseBody(IReadOnlyList<BulkOperationResult> results) : ScimBody
{
    public override string? ResourcePath => null;

    public override async ValueTask WriteAsync(ScimJsonOutput output, CancellationToken cancellationToken)
    {
        var json = output.Json;
        json.WriteStartObject();
        json.WriteStartArray("schemas");
        json.WriteStringValue(ScimSchemaUris.BulkResponse);
        json.WriteEndArray();
        json.WriteStartArray("Operations");
        foreach (var result in results)
        {
            Write(json, result);
            await output.SendAsync(cancellationToken);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter json, BulkOperationResult result)
    {
        json.WriteStartObject();
        WriteIfPresent(json, "method", result.MethodName);
        WriteIfPresent(json, "bulkId", result.BulkId);
        WriteIfPresent(json, "version", result.Version);
        WriteIfPresent(json, "location", result.Location);
        json.WriteString("status", result.Status.ToString(CultureInfo.InvariantCulture));
        if (result.Error is { } error)
        {
            json.WritePropertyName("response");
            error.ToJson().WriteTo(json);
        }
        else if (result.Resource is { } resource)
        {
            json.WritePropertyName("response");
            json.WriteRawValue(resource.Span, skipInputValidation: true);
        }

        json.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
