using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Scim.Protocol;

namespace Scim.Application.Common.Resources;

/// <summary>The JSON conventions of SCIM bodies (RFC 7643 §2): camelCase, nulls omitted, names read case-insensitively.</summary>
public static class ScimJson
{
    /// <summary>The SCIM media type (RFC 7644 §3.1).</summary>
    public const string MediaType = "application/scim+json";

    /// <summary>Serializer options for SCIM resources and messages.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,

        // Bodies are application/scim+json, never embedded in HTML: write "José's" as is, not "Jos\u00E9\u0027s".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// A writer of compact JSON with the string escaping of <see cref="Options"/>, so what it writes is byte for byte
    /// what the serializer writes (stored documents are copied into responses as they are).
    /// </summary>
    /// <param name="output">Where the UTF-8 goes.</param>
    /// <returns>A new writer; disposing it flushes what is left.</returns>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, WriterOptions);

    /// <summary>
    /// <paramref name="body"/> read as the SCIM message <typeparamref name="T"/> (names case-insensitive), or 400
    /// <c>invalidSyntax</c> naming the value whose JSON type does not fit.
    /// </summary>
    /// <param name="body">The message as sent.</param>
    /// <param name="messageName">The message's name for the error detail, e.g. <c>PatchOp</c>.</param>
    public static Result<T> Deserialize<T>(JsonObject body, string messageName)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Options)!;
        }
        catch (JsonException ex)
        {
            return ScimError.InvalidSyntax($"The body is not a valid {messageName}: the value at '{ex.Path}' has the wrong JSON type.");
        }
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Options.Encoder };
}
