using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Scim.Application.Common.Limits;
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

    /// <summary>The body as a <see cref="JsonObject"/>, or the SCIM error to send (413 over the server's body size limit).</summary>
    public static Task<Result<JsonObject>> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadObjectAsync(request, maxBytes: null, tooLarge: null, cancellationToken);

    /// <summary>
    /// The body as a <see cref="JsonObject"/> when it is at most <paramref name="maxBytes"/> long, or the SCIM error to
    /// send: <paramref name="tooLarge"/> for a longer body, decided from <c>Content-Length</c> before anything is read or,
    /// for a body sent without one, as soon as the bytes read pass the limit, so no more than that is ever held.
    /// </summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="maxBytes">The largest body accepted, in bytes.</param>
    /// <param name="tooLarge">The error for a longer body (413, with a detail naming the limit).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static Task<Result<JsonObject>> ReadObjectAsync(HttpRequest request, long maxBytes, ScimError tooLarge, CancellationToken cancellationToken) =>
        ReadObjectAsync(request, (long?)maxBytes, tooLarge, cancellationToken);

    // The body is parsed as it arrives (Utf8JsonReader over Kestrel's pooled buffers) into the JsonObject, never held
    // whole: a body costs the tree it becomes, not the tree plus a copy of its text. Bodies over LargeRequestBodies.Threshold
    // take a slot of LargeRequestBodies while they are read; a stop of the server aborts a body still arriving.
    private static async Task<Result<JsonObject>> ReadObjectAsync(HttpRequest request, long? maxBytes, ScimError? tooLarge, CancellationToken cancellationToken)
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

        var serverLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var limit = maxBytes ?? serverLimit?.MaxRequestBodySize;
        tooLarge ??= ScimErrorResponse.ForStatus(StatusCodes.Status413PayloadTooLarge, request);
        if (request.ContentLength > limit)
        {
            return tooLarge;
        }

        // Kestrel's limit (Scim:RequestBodies:MaxSize) would otherwise refuse a body this endpoint allows.
        if (maxBytes is { } allowed && serverLimit is { IsReadOnly: false } && serverLimit.MaxRequestBodySize < allowed)
        {
            serverLimit.MaxRequestBodySize = allowed;
        }

        var services = request.HttpContext.RequestServices;
        var cost = services.GetService<Limits.RequestBodyCost>();
        if (request.ContentLength is { } length && cost?.Charge(request.HttpContext, length) is { } overLimit)
        {
            return overLimit;
        }

        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        IDisposable? slot = null;
        try
        {
            if (request.ContentLength is not (>= 0 and <= LargeRequestBodies.Threshold))
            {
                // A large body is expensive work of its organization (parsed, then written or searched) before it takes
                // one of the server's slots: one organization's uploads wait for its own permits, not everyone's slots.
                if (await services.GetRequiredService<ExpensiveWork>().EnterAsync(reading.Token) is { } refused)
                {
                    return refused;
                }

                var large = services.GetRequiredService<LargeRequestBodies>();
                slot = await large.EnterAsync(reading.Token);
                if (slot is null)
                {
                    ScimErrorResponse.RetryAfter(request.HttpContext.Response, large.QueueTimeout);
                    return new ScimError(StatusCodes.Status503ServiceUnavailable, null,
                        $"The server is reading as many large request bodies (over {LargeRequestBodies.Threshold} bytes) as it allows at once; retry after the time in Retry-After.");
                }
            }

            var (parsed, bytes) = await ParseAsync(request.BodyReader, limit, reading.Token);
            if (parsed is not { } body)
            {
                return tooLarge;
            }

            // A body sent without Content-Length is weighed once read.
            if (request.ContentLength is null && cost?.Charge(request.HttpContext, bytes) is { } weighed)
            {
                return weighed;
            }

            return body;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A graceful stop does not wait for an upload still arriving (it may be arriving very slowly): the client retries
            // against another instance or after the restart.
            request.HttpContext.Abort();
            return new ScimError(StatusCodes.Status503ServiceUnavailable, null, "The server is stopping; send the request again.");
        }
        catch (JsonException ex)
        {
            return ScimError.InvalidSyntax($"The request body is not valid JSON: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json throws it on invalid UTF-8 or an unpaired \uD800 escape in a name or string.
            return ScimError.InvalidSyntax("The request body is not valid UTF-8 text: a string contains an invalid byte sequence or an unpaired surrogate escape.");
        }
        catch (BodyProblem problem)
        {
            return problem.Error;
        }
        finally
        {
            slot?.Dispose();
        }
    }

    // Null when the body passes limit; and the bytes read.
    private static async Task<(Result<JsonObject>? Result, long Bytes)> ParseAsync(System.IO.Pipelines.PipeReader body, long? limit, CancellationToken cancellationToken)
    {
        var builder = new TreeBuilder();
        var state = new JsonReaderState(ReaderOptions);
        long consumedBefore = 0;
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (consumedBefore + buffer.Length > limit)
            {
                body.AdvanceTo(buffer.Start, buffer.End);
                return (null, consumedBefore + buffer.Length);
            }

            var consumed = buffer.Start;
            try
            {
                consumed = builder.Feed(buffer, read.IsCompleted, ref state);
                consumedBefore += buffer.Slice(0, consumed).Length;
            }
            finally
            {
                // Also when the body is refused part way (400): a read left open makes Kestrel's draining of the rest
                // fail with an error in the log and close the connection.
                body.AdvanceTo(consumed, buffer.End);
            }

            if (read.IsCompleted)
            {
                return (builder.Root is JsonObject root ? root : ScimError.InvalidSyntax("The request body must be a JSON object."), consumedBefore);
            }
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

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    // Builds the JsonObject token by token from Utf8JsonReader, checking as it goes what the server refuses anyway:
    // names that differ only in case ("userName" and "UserName" name one attribute: which would win?), over-long names
    // and strings, NUL characters, over-long arrays. Values are JsonValues of JsonElements, as JsonNode.Parse makes them.
    // A 5,000-member PATCH has 5,000 objects: their paths (for error details) are made only for an error, and an object's
    // names are compared one by one until it has more than a few.
    private sealed class TreeBuilder
    {
        // Names an object may have before they are kept in a set of their own.
        private const int NamesScanned = 8;

        private readonly Stack<Container> open = new();
        private string? propertyName;

        public JsonNode? Root { get; private set; }

        // Reads the complete tokens of buffer; returns where the first incomplete one begins.
        public SequencePosition Feed(System.Buffers.ReadOnlySequence<byte> buffer, bool isFinalBlock, ref JsonReaderState state)
        {
            var reader = new Utf8JsonReader(buffer, isFinalBlock, state);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var container = open.Peek();
                        if (!container.AddName(name))
                        {
                            throw new BodyProblem(ScimError.InvalidSyntax($"The attribute '{name}' appears twice in one object at '{container.Path}' (names are case-insensitive, RFC 7643 §2.1)."));
                        }

                        if (name.Length > MaxStringLength)
                        {
                            throw new BodyProblem(TooLong(container.Path));
                        }

                        propertyName = name;
                        break;
                    case JsonTokenType.StartObject:
                        Open(new JsonObject());
                        break;
                    case JsonTokenType.StartArray:
                        Open(new JsonArray());
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.Pop();
                        break;
                    case JsonTokenType.String:
                        CheckString(ref reader, this);
                        Add(JsonValue.Create(JsonElement.ParseValue(ref reader)));
                        break;
                    default:
                        Add(JsonValue.Create(JsonElement.ParseValue(ref reader)));
                        break;
                }
            }

            state = reader.CurrentState;
            return reader.Position;
        }

        // The string's length and content checked on its UTF-8 bytes in a pooled buffer, not on a string made for it:
        // a body of long strings would otherwise leave as much garbage on the large object heap as it has text.
        private static void CheckString(ref Utf8JsonReader reader, TreeBuilder builder)
        {
            var raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;

            // An escape is at most 6 bytes and a UTF-16 code unit at least one: this many bytes cannot be a short string.
            if (raw > 6L * MaxStringLength)
            {
                throw new BodyProblem(TooLong(builder.ChildPath()));
            }

            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)raw);
            try
            {
                var utf8 = buffer.AsSpan(0, reader.CopyString(buffer));
                if (!System.Text.Unicode.Utf8.IsValid(utf8))
                {
                    // As System.Text.Json does for names and strings it decodes.
                    throw new InvalidOperationException("Invalid UTF-8.");
                }

                if (System.Text.Encoding.UTF8.GetCharCount(utf8) > MaxStringLength)
                {
                    throw new BodyProblem(TooLong(builder.ChildPath()));
                }

                if (utf8.Contains((byte)0))
                {
                    // No database stores it as text (PostgreSQL refuses it) and no filter could find it.
                    throw new BodyProblem(ScimError.InvalidValue($"The value at '{builder.ChildPath()}' contains a NUL character (\\u0000); remove it."));
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        // The path of the value about to be added, for an error's detail.
        private string ChildPath() => open.Count == 0 ? "$" : open.Peek().PathOf(propertyName);

        private void Open(JsonNode node)
        {
            var parent = open.Count == 0 ? null : open.Peek();
            var container = new Container(node, parent, propertyName, parent?.Node is JsonArray array ? array.Count : 0);
            Add(node);
            open.Push(container);
        }

        private void Add(JsonNode? node)
        {
            if (open.Count == 0)
            {
                Root = node;
                return;
            }

            switch (open.Peek().Node)
            {
                case JsonObject obj:
                    obj[propertyName!] = node;
                    break;
                case JsonArray array:
                    if (array.Count == MaxArrayLength)
                    {
                        throw new BodyProblem(ScimError.InvalidValue($"'{open.Peek().Path}' has more than {MaxArrayLength} elements; at most {MaxArrayLength} are accepted in one request."));
                    }

                    array.Add(node);
                    break;
            }
        }

        // An object or array being built, where it sits in its parent, and (objects with many names) the names seen.
        private sealed class Container(JsonNode node, Container? parent, string? name, int index)
        {
            private HashSet<string>? names;

            public JsonNode Node => node;

            public string Path => parent is null ? "$" : parent.PathOf(parent.Node is JsonArray ? null : name, index);

            public string PathOf(string? childName, int? childIndex = null) =>
                Node is JsonArray array ? $"{Path}[{childIndex ?? array.Count}]" : $"{Path}.{childName}";

            // False when the object has the name already, in any case.
            public bool AddName(string candidate)
            {
                var obj = (JsonObject)Node;
                if (names is null && obj.Count < NamesScanned)
                {
                    for (var i = 0; i < obj.Count; i++)
                    {
                        if (string.Equals(obj.GetAt(i).Key, candidate, StringComparison.OrdinalIgnoreCase))
                        {
                            return false;
                        }
                    }

                    return true;
                }

                if (names is null)
                {
                    names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    for (var i = 0; i < obj.Count; i++)
                    {
                        names.Add(obj.GetAt(i).Key);
                    }
                }

                return names.Add(candidate);
            }
        }
    }

    // A body the server refuses, found while it is parsed.
    private sealed class BodyProblem(ScimError error) : Exception(error.Detail)
    {
        public ScimError Error { get; } = error;
    }

    private static ScimError TooLong(string path) =>
        ScimError.InvalidValue($"The value at '{path}' is longer than {MaxStringLength} characters.");
}
