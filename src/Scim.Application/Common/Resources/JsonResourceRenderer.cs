using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.Application.Common.Resources;

/// <summary>
/// Writes a resource that is built as a JSON tree, the discovery documents (RFC 7644 §4), with its relative
/// <c>meta.location</c> (<c>/Schemas/{id}</c>) made absolute with the request's SCIM base URL (RFC 7643 §3.1).
/// </summary>
internal sealed class JsonResourceRenderer : IResourceRenderer<JsonObject>
{
    public static JsonResourceRenderer Instance { get; } = new();

    public string PathOf(JsonObject row) => RelativeLocation(row) ?? "";

    public long? VersionOf(JsonObject row) => null;

    public bool IsCoveredByVersion(JsonObject row) => false;

    public ValueTask WriteAsync(JsonObject row, ScimJsonOutput output, CancellationToken cancellationToken)
    {
        var json = output.Json;
        var location = RelativeLocation(row);
        json.WriteStartObject();
        foreach (var (name, value) in row)
        {
            json.WritePropertyName(name);
            if (location is not null && name == "meta")
            {
                json.WriteStartObject();
                foreach (var (metaName, metaValue) in value!.AsObject())
                {
                    json.WritePropertyName(metaName);
                    if (metaName == "location")
                    {
                        json.WriteStringValue(output.BaseUrl + location);
                    }
                    else
                    {
                        Write(json, metaValue);
                    }
                }

                json.WriteEndObject();
            }
            else
            {
                Write(json, value);
            }
        }

        json.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private static void Write(Utf8JsonWriter json, JsonNode? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            value.WriteTo(json, ScimJson.Options);
        }
    }

    private static string? RelativeLocation(JsonObject resource) =>
        resource["meta"] is JsonObject meta && meta["location"] is JsonValue value && value.TryGetValue<string>(out var location)
            && location.StartsWith('/') ? location : null;
}
