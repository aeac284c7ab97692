using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using Scim.Application.Common;
using Scim.Application.Common.Resources;

namespace Scim.Api.Http;

/// <summary>
/// Reads a request body as a JSON object. Accepts <c>application/scim+json</c> and <c>application/json</c>, with or
/// without parameters such as <c>charset=utf-8</c> (RFC 7644 §3.1), and a missing Content-Type. Anything else is 415;
/// malformed JSON is 400 invalidSyntax with the parser's position.
/// </summary>
public static class ScimRequestBody
{
    /// <summary>The body as a <see cref="JsonObject"/>, or the SCIM error to send.</summary>
    public static async Task<Result<JsonObject>> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is { Length: > 0 } contentType
            && (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
                || !(mediaType.MediaType.Equals(ScimJson.MediaType, StringComparison.OrdinalIgnoreCase)
                    || mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))))
        {
            return new ScimError(StatusCodes.Status415UnsupportedMediaType, null,
                $"Content-Type '{contentType}' is not supported; send application/scim+json or application/json.");
        }

        try
        {
            var node = await JsonNode.ParseAsync(request.Body, documentOptions: DocumentOptions, cancellationToken: cancellationToken);
            if (node is not JsonObject obj)
            {
                return ScimError.InvalidSyntax("The request body must be a JSON object.");
            }

            return DuplicateName(obj) is { } duplicate
                ? ScimError.InvalidSyntax($"The attribute '{duplicate}' appears twice in one object (names are case-insensitive, RFC 7643 §2.1).")
                : obj;
        }
        catch (JsonException ex)
        {
            return ScimError.InvalidSyntax($"The request body is not valid JSON: {ex.Message}");
        }
    }

    // Exact duplicates are rejected by the parser; these options also keep nesting bounded.
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    // "userName" and "UserName" in one object name the same attribute: which one should win is a guess, so refuse it.
    private static string? DuplicateName(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (name, value) in obj)
                {
                    if (!names.Add(name))
                    {
                        return name;
                    }

                    if (DuplicateName(value) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonArray array:
                return array.Select(DuplicateName).FirstOrDefault(d => d is not null);
            default:
                return null;
        }
    }

    /// <summary>The body deserialised as <typeparamref name="T"/> (property names case-insensitive), or 400 invalidSyntax.</summary>
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadObjectAsync(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return body.Error;
        }

        try
        {
            return body.Value.Deserialize<T>(ScimJson.Options)!;
        }
        catch (JsonException ex)
        {
            return ScimError.InvalidSyntax($"The request body does not have the expected shape: {ex.Message}");
        }
    }
}
