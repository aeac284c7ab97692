using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Scim.Application.Common.Resources;
using Scim.Protocol;

namespace Scim.Api.Http;

/// <summary>
/// Reads a request body as a JSON object. Accepts <c>application/scim+json</c> and <c>application/json</c>, with or
/// without <c>charset=utf-8</c> (RFC 7644 §3.1; RFC 8259 §8.1 makes JSON UTF-8), and a missing Content-Type.
/// Anything else is 415. Malformed JSON, invalid UTF-8, the same attribute twice in one object, and strings or
/// arrays beyond <see cref="MaxStringLength"/> / <see cref="MaxArrayLength"/> are 400 with a detail saying what to fix.
/// </summary>
public static class ScimRequestBody
{
    /// <summary>The longest string value or attribute name accepted, in UTF-16 code units.</summary>
    public const int MaxStringLength = 65_536;

    /// <summary>The most elements one JSON array may hold (a group of 100,000 members is built over several PATCHes).</summary>
    public const int MaxArrayLength = 10_000;

    // Exact duplicates are rejected by the parser; the depth cap keeps hostile nesting cheap.
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    /// <summary>The body as a <see cref="JsonObject"/>, or the SCIM error to send.</summary>
    public static Task<Result<JsonObject>> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadObjectAsync(request, request.Body, cancellationToken);

    /// <summary>
    /// The body as a <see cref="JsonObject"/> when it is at most <paramref name="maxBytes"/> long, or the SCIM error to
    /// send: <paramref name="tooLarge"/> for a longer body, decided from <c>Content-Length</c> before anything is read or,
    /// for a body sent without one, as soon as the bytes read pass the limit, so no more than that is ever held.
    /// </summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="maxBytes">The largest body accepted, in bytes.</param>
    /// <param name="tooLarge">The error for a longer body (413, with a detail naming the limit).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<Result<JsonObject>> ReadObjectAsync(HttpRequest request, long maxBytes, ScimError tooLarge, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return tooLarge;
        }

        // Kestrel's own limit (Kestrel:Limits:MaxRequestBodySize) would otherwise refuse a body this endpoint allows.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit
            && serverLimit.MaxRequestBodySize < maxBytes)
        {
            serverLimit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            return await ReadObjectAsync(request, new LengthLimitedStream(request.Body, maxBytes), cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
    }

    private static async Task<Result<JsonObject>> ReadObjectAsync(HttpRequest request, Stream body, CancellationToken cancellationToken)
    {
        if (request.ContentType is { Length: > 0 } contentType
            && (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
                || !(mediaType.MediaType.Equals(ScimJson.MediaType, StringComparison.OrdinalIgnoreCase)
                    || mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
                || (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))))
        {
            return new ScimError(StatusCodes.Status415UnsupportedMediaType, null,
                $"Content-Type '{contentType}' is not supported; send application/scim+json or application/json, UTF-8 encoded.");
        }

        try
        {
            var node = await JsonNode.ParseAsync(body, documentOptions: DocumentOptions, cancellationToken: cancellationToken);
            if (node is not JsonObject obj)
            {
                return ScimError.InvalidSyntax("The request body must be a JSON object.");
            }

            return Check(obj, "$") is { } error ? error : obj;
        }
        catch (JsonException ex)
        {
            return ScimError.InvalidSyntax($"The request body is not valid JSON: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json decodes names and strings lazily and throws on invalid UTF-8 or an unpaired \uD800 escape.
            return ScimError.InvalidSyntax("The request body is not valid UTF-8 text: a string contains an invalid byte sequence or an unpaired surrogate escape.");
        }
    }

    /// <summary>The body deserialised as <typeparamref name="T"/> (property names case-insensitive), or 400 invalidSyntax.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="messageName">The SCIM message the body must be, for the error detail (e.g. <c>PatchOp</c>).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, string messageName, CancellationToken cancellationToken)
    {
        var body = await ReadObjectAsync(request, cancellationToken);
        return body.IsSuccess ? ScimJson.Deserialize<T>(body.Value!, messageName) : body.Error;
    }

    // Walks the whole document once: decodes every name and string (so bad UTF-8 surfaces here, not in a handler),
    // and refuses names that differ only in case ("userName" and "UserName" name one attribute: which would win?).
    private static ScimError? Check(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (name, value) in obj)
                {
                    if (!names.Add(name))
                    {
                        return ScimError.InvalidSyntax($"The attribute '{name}' appears twice in one object at '{path}' (names are case-insensitive, RFC 7643 §2.1).");
                    }

                    if (name.Length > MaxStringLength)
                    {
                        return TooLong(path);
                    }

                    if (Check(value, $"{path}.{name}") is { } error)
                    {
                        return error;
                    }
                }

                return null;
            case JsonArray array:
                if (array.Count > MaxArrayLength)
                {
                    return ScimError.InvalidValue($"'{path}' has {array.Count} elements; at most {MaxArrayLength} are accepted in one request.");
                }

                for (var i = 0; i < array.Count; i++)
                {
                    if (Check(array[i], $"{path}[{i}]") is { } error)
                    {
                        return error;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                return text.Length > MaxStringLength ? TooLong(path)
                    // No database stores it as text (PostgreSQL refuses it) and no filter could find it.
                    : text.Contains('\0', StringComparison.Ordinal) ? ScimError.InvalidValue($"The value at '{path}' contains a NUL character (\\u0000); remove it.")
                    : null;
            default:
                return null;
        }
    }

    private static ScimError TooLong(string path) =>
        ScimError.InvalidValue($"The value at '{path}' is longer than {MaxStringLength} characters.");
}
